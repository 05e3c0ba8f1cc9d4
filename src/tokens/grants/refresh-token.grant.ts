import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import type { Client } from '../../clients/client.entity';
import { OAuthError } from '../../common/errors/oauth.error';
import { OrganizationSignInService } from '../../organizations/organization-sign-in.service';
import { ScopesService } from '../../scopes/scopes.service';
import type { RefreshToken } from '../../refresh-tokens/refresh-token.entity';
import type { RefreshTokenHolder } from '../../refresh-tokens/refresh-tokens.repository';
import { RefreshTokensService } from '../refresh-tokens.service';
import { TokenIssuer } from '../token-issuer.service';
import type { TokenResponse } from '../token-response';
import type { Grant, TokenRequest } from './grant.interface';

const INVALID_REFRESH_TOKEN = 'The refresh token is invalid, expired or revoked';

/** RFC 6749 §6 with rotation (RFC 9700 §4.14.2): each refresh token works once. */
@Injectable()
export class RefreshTokenGrant implements Grant {
  static readonly grantType = 'refresh_token';
  readonly type = RefreshTokenGrant.grantType;

  constructor(
    private readonly refreshTokens: RefreshTokensService,
    private readonly scopes: ScopesService,
    private readonly issuer: TokenIssuer,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationSignInService,
  ) {}

  async handle({ parameters, ip }: TokenRequest, client: Client): Promise<TokenResponse> {
    // One read: the token and its user as they stand now.
    const found = await this.refreshTokens.findPresented(parameters.required('refresh_token'));
    // RFC 6749 §6: the token must have been issued to this client; another client's is simply invalid.
    if (!found || found.token.clientId !== client.id || found.token.revokedAt) {
      throw new OAuthError('invalid_grant', INVALID_REFRESH_TOKEN);
    }
    const { token: presented, holder } = found;
    if (presented.usedAt) return this.reuseDetected(presented, client, ip);
    if (presented.expiresAt.getTime() <= Date.now()) throw new OAuthError('invalid_grant', INVALID_REFRESH_TOKEN);
    if (holder.disabled) throw new OAuthError('invalid_grant', INVALID_REFRESH_TOKEN);

    const scopes = await this.narrowedScopes(parameters.optional('scope'), presented, client, holder);
    // A token issued for an organization keeps it, with the member's role as it is now.
    const organization = presented.organizationId
      ? await this.organizations.currentClaims(presented.organizationId, presented.userId)
      : undefined;
    if (organization === null) throw new OAuthError('invalid_grant', INVALID_REFRESH_TOKEN);

    const refreshToken = await this.refreshTokens.rotate(presented, client, scopes);
    if (refreshToken === undefined) return this.reuseDetected(presented, client, ip);
    // OpenID Connect Core §12.2: the same sub and aud, the original auth_time, a new iat, no nonce.
    const signIn = { ...this.refreshTokens.signInOf(presented), org: organization };
    return this.issuer.issue({ grant: this.type, client, userId: presented.userId, scopes, refreshToken, signIn, ip });
  }

  /** RFC 6749 §6: equal to or narrower than the original grant, and still grantable today. */
  private async narrowedScopes(
    raw: string | undefined,
    presented: RefreshToken,
    client: Client,
    holder: RefreshTokenHolder,
  ): Promise<string[]> {
    const requested = this.scopes.parseScopeParameter(raw) ?? presented.scope;
    const beyond = requested.find((scope) => !presented.scope.includes(scope));
    if (beyond !== undefined) {
      throw new OAuthError('invalid_scope', `scope "${beyond}" was not granted to this refresh token`);
    }
    return this.scopes.decideForToken(requested, client, holder);
  }

  /** A spent token presented again: someone holds a copy. End the whole family (RFC 9700 §4.14.2). */
  private async reuseDetected(presented: RefreshToken, client: Client, ip: string): Promise<never> {
    await this.refreshTokens.revokeFamily(presented.familyId);
    await this.audit.record({
      type: 'token.refresh_reused',
      actorUserId: presented.userId,
      subject: presented.userId,
      clientId: client.clientId,
      ip,
      details: { family: presented.familyId },
    });
    throw new OAuthError('invalid_grant', INVALID_REFRESH_TOKEN);
  }
}

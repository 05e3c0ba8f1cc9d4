import { Injectable } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { AuditService } from '../../audit/audit.service';
import type { Client } from '../../clients/client.entity';
import { OAuthError } from '../../common/errors/oauth.error';
import type { AuthorizationCode } from '../../interaction/codes/authorization-code.entity';
import { AuthorizationCodesService } from '../../interaction/codes/authorization-codes.service';
import { OrganizationSignInService } from '../../organizations/organization-sign-in.service';
import { ScopesService } from '../../scopes/scopes.service';
import { UsersService } from '../../users/users.service';
import { RevokedTokensService } from '../keys/revoked-tokens.service';
import { RefreshTokensService } from '../refresh-tokens.service';
import { TokenIssuer } from '../token-issuer.service';
import type { TokenResponse } from '../token-response';
import type { Grant, TokenRequest } from './grant.interface';
import { isWellFormedCodeVerifier, verifierMatchesS256Challenge } from './pkce';

const INVALID_CODE = 'The authorization code is invalid, expired or already used';

/** RFC 6749 §4.1.3 with PKCE (RFC 7636 §4.5): a code from /oauth/authorize for tokens. */
@Injectable()
export class AuthorizationCodeGrant implements Grant {
  static readonly grantType = 'authorization_code';
  readonly type = AuthorizationCodeGrant.grantType;

  constructor(
    private readonly codes: AuthorizationCodesService,
    private readonly users: UsersService,
    private readonly scopes: ScopesService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly revokedTokens: RevokedTokensService,
    private readonly issuer: TokenIssuer,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationSignInService,
  ) {}

  async handle({ parameters, ip }: TokenRequest, client: Client): Promise<TokenResponse> {
    const code = await this.codes.find(parameters.required('code'));
    const redirectUri = parameters.required('redirect_uri');
    const verifier = parameters.required('code_verifier');
    if (!isWellFormedCodeVerifier(verifier)) {
      throw new OAuthError('invalid_request', 'code_verifier must be 43 to 128 unreserved characters (RFC 7636 §4.1)');
    }
    // RFC 6749 §4.1.3: issued to this client, for this redirect URI; RFC 7636 §4.6: the verifier matches.
    if (!code || code.clientId !== client.id) throw new OAuthError('invalid_grant', INVALID_CODE);
    if (code.usedAt) return this.reuseDetected(code, client, ip);
    if (code.redirectUri !== redirectUri) {
      throw new OAuthError('invalid_grant', 'redirect_uri differs from the authorization request');
    }
    if (!verifierMatchesS256Challenge(verifier, code.codeChallenge)) {
      throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge');
    }
    if (!(await this.codes.spend(code))) {
      if (code.expiresAt.getTime() <= Date.now()) throw new OAuthError('invalid_grant', INVALID_CODE);
      return this.reuseDetected(code, client, ip);
    }

    const user = await this.users.findById(code.userId);
    if (!user || user.disabled) throw new OAuthError('invalid_grant', INVALID_CODE);
    // Signed in for an organization: its claims, with the role as it is now; no longer a member, no tokens.
    const organization = code.organizationId
      ? await this.organizations.currentClaims(code.organizationId, user.id)
      : undefined;
    if (organization === null) throw new OAuthError('invalid_grant', INVALID_CODE);
    const scopes = await this.scopes.decideForToken(code.scope, client, user);
    const signIn = { authTime: code.authTime, amr: code.amr, sid: code.sid, org: organization };
    const refreshToken = client.grantTypes.includes('refresh_token')
      ? await this.refreshTokens.startFamily(client, user.id, scopes, { ...signIn, organizationId: organization?.id })
      : undefined;
    const response = await this.issuer.issue({
      grant: this.type,
      client,
      userId: user.id,
      scopes,
      refreshToken,
      signIn: { ...signIn, ...(code.nonce ? { nonce: code.nonce } : {}) },
      ip,
    });
    await this.rememberWhatWasIssued(code, response, refreshToken);
    return response;
  }

  private async rememberWhatWasIssued(
    code: AuthorizationCode,
    response: TokenResponse,
    refreshToken: string | undefined,
  ): Promise<void> {
    const { jti, exp } = decodeJwt(response.access_token);
    const family = refreshToken === undefined ? null : await this.refreshTokens.findByToken(refreshToken);
    await this.codes.recordIssued(code, {
      refreshFamilyId: family?.familyId ?? null,
      accessTokenJti: jti ?? null,
      accessTokenExpiresAt: exp === undefined ? null : new Date(exp * 1000),
    });
  }

  /** RFC 6749 §4.1.2: a code used twice is refused, and what its first use issued is revoked. */
  private async reuseDetected(code: AuthorizationCode, client: Client, ip: string): Promise<never> {
    if (code.refreshFamilyId) await this.refreshTokens.revokeFamily(code.refreshFamilyId);
    if (code.accessTokenJti && code.accessTokenExpiresAt) {
      await this.revokedTokens.revoke(code.accessTokenJti, code.accessTokenExpiresAt);
    }
    await this.audit.record({
      type: 'token.code_reused',
      actorUserId: code.userId,
      subject: code.userId,
      clientId: client.clientId,
      ip,
    });
    throw new OAuthError('invalid_grant', INVALID_CODE);
  }
}

import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier } from '../access-tokens/access-token-verifier.service';
import type { ClientAuthentication } from '../clients/client-authentication.service';
import type { Client } from '../clients/client.entity';
import { ClientsRepository } from '../clients/clients.repository';
import { OAuthError } from '../common/errors/oauth.error';
import { AppConfig } from '../config/app-config';
import { organizationClaimSet } from '../organizations/organization-claims';
import { OrganizationSignInService } from '../organizations/organization-sign-in.service';
import { UsersService } from '../users/users.service';
import { accessTokenAudience } from '../access-tokens/access-token-audience';
import { looksLikeJwt, verifiedJwtClaims } from './access-token-claims';
import type { OAuthParameters } from '../common/http/oauth-parameters';
import { RefreshTokensService } from './refresh-tokens.service';

/** RFC 7662 §2.2 response; only `active` when the token is not active for this caller. */
export interface IntrospectionResponse {
  active: boolean;
  scope?: string;
  client_id?: string;
  username?: string;
  token_type?: 'Bearer' | 'refresh_token';
  exp?: number;
  iat?: number;
  sub?: string;
  aud?: string;
  iss?: string;
  jti?: string;
  /** The organization the token was issued for (the token's `org_id`, `org`, `org_roles`). */
  org_id?: string;
  org?: string;
  org_roles?: string[];
}

const INACTIVE: IntrospectionResponse = { active: false };

/**
 * RFC 7662 for confidential clients. A client sees its own tokens; one with the admin-set
 * `can_introspect` capability sees every token. Anything else is `{active: false}` (§2.2), so a
 * caller cannot probe for other clients' tokens.
 */
@Injectable()
export class IntrospectionService {
  constructor(
    private readonly config: AppConfig,
    private readonly verifier: AccessTokenVerifier,
    private readonly refreshTokens: RefreshTokensService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationSignInService,
    private readonly clients: ClientsRepository,
  ) {}

  async introspect(
    parameters: OAuthParameters,
    { client, basicAuthUsed }: ClientAuthentication,
  ): Promise<IntrospectionResponse> {
    // §2.1: the endpoint needs authorization; only confidential clients can prove who they are.
    if (!client.confidential) {
      throw new OAuthError('invalid_client', 'Introspection is for confidential clients', { basicAuthUsed });
    }
    const token = parameters.required('token');
    // §2.1: token_type_hint may speed the search up; a token's shape already tells the kind apart.
    return looksLikeJwt(token) ? this.accessToken(token, client) : this.refreshToken(token, client);
  }

  private async accessToken(token: string, caller: Client): Promise<IntrospectionResponse> {
    const principal = await this.verifier.verify(token).catch(() => undefined);
    if (!principal || !(caller.canIntrospect || principal.clientId === caller.clientId)) return INACTIVE;
    const { iat } = verifiedJwtClaims(token);
    const user = principal.userId ? await this.users.findById(principal.userId) : null;
    // A user disabled since the token was issued no longer has an active token.
    if (principal.userId && (!user || user.disabled)) return INACTIVE;
    // Likewise a member removed since, or an organization deleted since.
    const { organization } = principal;
    if (
      organization &&
      principal.userId &&
      !(await this.organizations.currentClaims(organization.id, principal.userId))
    ) {
      return INACTIVE;
    }
    return {
      active: true,
      scope: principal.scopes.join(' '),
      client_id: principal.clientId,
      ...(user ? { username: user.email } : {}),
      token_type: 'Bearer',
      exp: principal.expiresAt,
      ...(typeof iat === 'number' ? { iat } : {}),
      sub: principal.subject,
      aud: accessTokenAudience(this.config),
      iss: this.config.issuer,
      jti: principal.jti,
      ...(organization ? organizationClaimSet(organization) : {}),
    };
  }

  private async refreshToken(token: string, caller: Client): Promise<IntrospectionResponse> {
    const row = await this.refreshTokens.findByToken(token);
    const live = row && !row.usedAt && !row.revokedAt && row.expiresAt.getTime() > Date.now();
    if (!live || !(caller.canIntrospect || row.clientId === caller.id)) return INACTIVE;
    const [owner, user] = await Promise.all([this.clients.findById(row.clientId), this.users.findById(row.userId)]);
    if (!owner || owner.disabled || !user || user.disabled) return INACTIVE;
    const organization = row.organizationId
      ? await this.organizations.currentClaims(row.organizationId, user.id)
      : undefined;
    if (organization === null) return INACTIVE;
    return {
      active: true,
      scope: row.scope.join(' '),
      client_id: owner.clientId,
      username: user.email,
      token_type: 'refresh_token',
      exp: Math.floor(row.expiresAt.getTime() / 1000),
      iat: Math.floor(row.createdAt.getTime() / 1000),
      sub: user.id,
      iss: this.config.issuer,
      ...(organization ? organizationClaimSet(organization) : {}),
    };
  }
}

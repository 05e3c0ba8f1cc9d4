import type { OrganizationClaims } from '../organizations/organization-claims';

/** Who a verified access token speaks for; the bearer guard puts it on the request. */
export interface AccessTokenPrincipal {
  /** The token's `sub`: the user id, or the client_id for client_credentials tokens. */
  subject: string;
  /** The user behind the token; absent for client_credentials tokens. */
  userId?: string;
  /** The public client_id the token was issued to. */
  clientId: string;
  scopes: readonly string[];
  jti: string;
  /** `exp`, in seconds since the epoch. */
  expiresAt: number;
  /** When the token was issued, in ms: from its time-ordered `jti`, else from `iat`. */
  issuedAtMs: number;
  /** The organization the token was issued for (`org_id`, `org`, `org_roles`); absent otherwise. */
  organization?: OrganizationClaims;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: AccessTokenPrincipal;
  }
}

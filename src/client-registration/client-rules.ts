import type { Client } from '../clients/client.entity';
import { checkRedirectUris } from '../clients/redirect-uri-rules';
import { DomainError } from '../common/errors/domain.error';
import { GRANT_TYPES } from '../tokens/grants';

/** What a developer gets when the registration omits grant_types. */
export const DEFAULT_GRANT_TYPES: readonly string[] = ['password', 'refresh_token'];

export interface ScopeFacts {
  name: string;
  adminOnly: boolean;
}

/**
 * The grant types of a client: RFC 6749 §4.4 client_credentials needs a client that can authenticate,
 * i.e. a confidential one.
 */
export function checkGrantTypes(grantTypes: readonly string[], confidential: boolean): void {
  for (const grantType of grantTypes) {
    // A registered client may hold any grant the token endpoint serves.
    if (!GRANT_TYPES.includes(grantType)) {
      throw new DomainError('bad_request', `grant_types: "${grantType}" is not a supported grant type`);
    }
  }
  if (!confidential && grantTypes.includes('client_credentials')) {
    throw new DomainError('bad_request', 'grant_types: client_credentials needs a confidential client');
  }
}

/**
 * A client's redirect settings as they will be after a registration or change: each URI allowed
 * (see checkRedirectUris), and at least one redirect URI for the authorization_code grant
 * (RFC 6749 §3.1.2.2).
 */
export function checkClientRedirects(
  client: Pick<Client, 'grantTypes' | 'redirectUris' | 'postLogoutRedirectUris'>,
  issuerIsHttp: boolean,
): void {
  checkRedirectUris('redirect_uris', client.redirectUris, issuerIsHttp);
  checkRedirectUris('post_logout_redirect_uris', client.postLogoutRedirectUris, issuerIsHttp);
  if (client.grantTypes.includes('authorization_code') && client.redirectUris.length === 0) {
    throw new DomainError('bad_request', 'redirect_uris: the authorization_code grant needs at least one');
  }
}

/**
 * The scopes a client may be allowed: each must exist, and an admin-only scope only when an admin
 * decides it (the admin portal), never through self-service registration.
 */
export function checkClientScopes(
  requested: readonly string[],
  existing: readonly ScopeFacts[],
  mayGrantAdminOnly: boolean,
): void {
  const byName = new Map(existing.map((scope) => [scope.name, scope]));
  for (const name of requested) {
    const scope = byName.get(name);
    if (!scope) throw new DomainError('bad_request', `scopes: "${name}" does not exist`);
    if (scope.adminOnly && !mayGrantAdminOnly) {
      throw new DomainError('bad_request', `scopes: "${name}" is restricted to admins`);
    }
  }
}

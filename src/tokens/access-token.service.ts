import { Injectable } from '@nestjs/common';
import { timeOrderedId } from '../common/time-ordered-id';
import type { Client } from '../clients/client.entity';
import { AppConfig } from '../config/app-config';
import { organizationClaimSet, type OrganizationClaims } from '../organizations/organization-claims';
import { accessTokenAudience } from './access-token-audience';
import { signCompactJws } from './keys/jws';
import { SigningKeysService } from './keys/signing-keys.service';

export interface AccessTokenRequest {
  client: Client;
  /** The user the token acts for; absent for client_credentials (then `sub` is the client_id). */
  userId?: string;
  scopes: readonly string[];
  /** The organization the user signed in for: the `org_id`, `org` and `org_roles` claims. */
  organization?: OrganizationClaims;
  /** An upper bound on the lifetime, below the client's and the server's (e.g. the portal's test tokens). */
  maxLifetimeSeconds?: number;
}

export interface IssuedAccessToken {
  token: string;
  jti: string;
  expiresIn: number;
}

/** Mints RFC 9068 JWT access tokens. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly config: AppConfig,
    private readonly signingKeys: SigningKeysService,
  ) {}

  async issue({
    client,
    userId,
    scopes,
    organization,
    maxLifetimeSeconds,
  }: AccessTokenRequest): Promise<IssuedAccessToken> {
    const key = this.signingKeys.current();
    const lifetime = client.accessTokenTtlSeconds ?? this.config.accessTokenTtlSeconds;
    const expiresIn = Math.min(lifetime, maxLifetimeSeconds ?? lifetime);
    const issuedAt = Math.floor(Date.now() / 1000);
    const jti = timeOrderedId();
    // RFC 9068 §2.1 header and §2.2 claims.
    const token = await signCompactJws(
      { alg: key.alg, typ: 'at+jwt', kid: key.kid },
      {
        iss: this.config.issuer,
        sub: userId ?? client.clientId,
        aud: accessTokenAudience(this.config),
        client_id: client.clientId,
        scope: scopes.join(' '),
        jti,
        iat: issuedAt,
        exp: issuedAt + expiresIn,
        ...(organization ? organizationClaimSet(organization) : {}),
      },
      key.privateKey,
    );
    return { token, jti, expiresIn };
  }
}

import { Injectable } from '@nestjs/common';
import { timeOrderedId } from '../common/time-ordered-id';
import type { Client } from '../clients/client.entity';
import { AppConfig } from '../config/app-config';
import { organizationClaimSet, type OrganizationClaims } from '../organizations/organization-claims';
import { accessTokenAudience } from '../access-tokens/access-token-audience';
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
  /** RFC 8693 §2.1 / RFC 8707: the targets asked for; absent: this server's own resource routes. */
  audience?: readonly string[];
  /** RFC 8693 §4.1: who acts on the subject's behalf (delegation). */
  act?: ActorClaim;
  /** RFC 9068 §2.2.1: how the user authenticated (e.g. `["fed"]`). */
  amr?: readonly string[];
  /** RFC 9068 §2.2.1: when the user authenticated; token exchange carries it into an ID token. */
  authTime?: Date;
}

/** RFC 8693 §4.1 `act`: the current actor, and the earlier ones nested inside. */
export interface ActorClaim {
  sub: string;
  act?: ActorClaim;
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
    audience,
    act,
    amr,
    authTime,
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
        aud: audience && audience.length > 0 ? tokenAudience(audience) : accessTokenAudience(this.config),
        client_id: client.clientId,
        scope: scopes.join(' '),
        jti,
        iat: issuedAt,
        exp: issuedAt + expiresIn,
        ...(organization ? organizationClaimSet(organization) : {}),
        ...(act ? { act } : {}),
        ...(amr ? { amr: [...amr] } : {}),
        ...(authTime ? { auth_time: Math.floor(authTime.getTime() / 1000) } : {}),
      },
      key.privateKey,
    );
    return { token, jti, expiresIn };
  }
}

/** RFC 7519 §4.1.3: one audience as a string, several as an array. */
function tokenAudience(audience: readonly string[]): string | string[] {
  return audience.length === 1 ? audience[0] : [...audience];
}

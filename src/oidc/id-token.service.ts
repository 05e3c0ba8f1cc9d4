import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { signCompactJws } from '../tokens/keys/jws';
import { SigningKeysService } from '../tokens/keys/signing-keys.service';
import { UsersService } from '../users/users.service';
import { accessTokenHash } from './access-token-hash';
import { userClaimsForScopes } from './user-claims';

export interface IdTokenInput {
  userId: string;
  clientId: string;
  /** The granted scopes: they decide which user claims the token carries. */
  scopes: readonly string[];
  /** When the user last entered a credential; on refresh, the original sign-in's. */
  authTime: Date;
  /** The access token issued beside it, for `at_hash`. */
  accessToken: string;
  /** RFC 8176 authentication method references, e.g. `['pwd']`. */
  amr: readonly string[];
  nonce?: string;
  sid?: string;
  org?: { id: string; key: string; roles: readonly string[] };
}

/** OpenID Connect ID tokens (Core §2), signed with the current signing key whatever its algorithm. */
@Injectable()
export class IdTokenService {
  constructor(
    private readonly config: AppConfig,
    private readonly signingKeys: SigningKeysService,
    private readonly users: UsersService,
  ) {}

  async sign(input: IdTokenInput): Promise<string> {
    const user = await this.users.getById(input.userId);
    const key = this.signingKeys.current();
    const issuedAt = Math.floor(Date.now() / 1000);
    const payload = {
      iss: this.config.issuer,
      sub: input.userId,
      aud: input.clientId,
      // Core §2: azp is the party the token was issued to; with a single audience it equals aud.
      azp: input.clientId,
      // An ID token is read once, at sign-in: it lives no longer than the access token issued with it.
      exp: issuedAt + this.config.accessTokenTtlSeconds,
      iat: issuedAt,
      auth_time: Math.floor(input.authTime.getTime() / 1000),
      at_hash: accessTokenHash(input.accessToken, key.alg),
      amr: [...input.amr],
      ...(input.nonce !== undefined ? { nonce: input.nonce } : {}),
      ...(input.sid !== undefined ? { sid: input.sid } : {}),
      ...userClaimsForScopes(user, input.scopes),
      ...(input.org ? { org_id: input.org.id, org: input.org.key, org_roles: [...input.org.roles] } : {}),
    };
    return signCompactJws({ alg: key.alg, typ: 'JWT', kid: key.kid }, payload, key.privateKey);
  }
}

import { Injectable } from '@nestjs/common';
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { KeyObject } from 'node:crypto';
import { BearerTokenError } from '../common/errors/bearer-token.error';
import { timeOfOrderedId } from '../common/time-ordered-id';
import { AppConfig } from '../config/app-config';
import { TokenCutoffs } from '../revocation/token-cutoffs.service';
import { accessTokenAudience } from './access-token-audience';
import { RevokedTokensService } from '../tokens/keys/revoked-tokens.service';
import { SigningKeysService } from '../tokens/keys/signing-keys.service';
import type { OrganizationClaims } from '../organizations/organization-claims';
import type { AccessTokenPrincipal } from './access-token-principal';
import { VerifiedTokenCache } from './verified-token-cache';
import { SIGNING_ALGORITHMS } from '../common/crypto/signing-algorithms';

/** The only algorithms our keys use; never `none`, never an HMAC (RFC 9068 §4, RFC 8725 §3.1). */
const ALLOWED_ALGORITHMS = new Set<string>(SIGNING_ALGORITHMS);

/** Leeway for clocks of different instances when checking `exp` and `nbf`. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Verifies RFC 9068 access tokens: signature by `kid` against the server's own keys, alg allow-list,
 * `typ`, `iss`, `aud`, `exp`/`nbf` and the revocation list. Verified tokens are cached until `exp`;
 * revocation is checked on every call, cached or not.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly cache = new VerifiedTokenCache();
  private readonly getKey: JWTVerifyGetKey = (header) => this.keyFor(header.kid, header.alg);
  private readonly audience: string;

  constructor(
    private readonly config: AppConfig,
    private readonly signingKeys: SigningKeysService,
    private readonly revokedTokens: RevokedTokensService,
    private readonly cutoffs: TokenCutoffs,
  ) {
    this.audience = accessTokenAudience(config);
  }

  /**
   * The synchronous fast path: a token verified before, still unexpired and not revoked. Undefined
   * when the token is not cached (call `verify`); throws when it is cached but revoked.
   */
  cached(token: string): AccessTokenPrincipal | undefined {
    const principal = this.cache.get(token, Date.now() / 1000);
    if (principal) this.assertNotRevoked(token, principal);
    return principal;
  }

  async verify(token: string): Promise<AccessTokenPrincipal> {
    const cached = this.cached(token);
    if (cached) return cached;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.getKey, {
        algorithms: [...SIGNING_ALGORITHMS],
        typ: 'at+jwt',
        issuer: this.config.issuer,
        audience: this.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat', 'sub', 'jti', 'client_id'],
      }));
    } catch (error) {
      throw asInvalidToken(error);
    }
    const principal = toPrincipal(payload);
    this.assertNotRevoked(token, principal);
    this.cache.set(token, principal, Date.now() / 1000);
    return principal;
  }

  private async keyFor(kid: string | undefined, alg: string | undefined): Promise<KeyObject> {
    if (!alg || !ALLOWED_ALGORITHMS.has(alg)) throw invalidToken('The token is not signed with an accepted algorithm');
    if (!kid) throw invalidToken('The token names no signing key');
    const key = await this.signingKeys.verificationKey(kid);
    if (!key) throw invalidToken('The token was not signed by a key of this server');
    // The key decides the algorithm, never the token: this is what stops HS256-with-the-public-key.
    if (key.alg !== alg) throw invalidToken('The token is not signed with the algorithm of its key');
    return key.publicKey;
  }

  private assertNotRevoked(token: string, principal: AccessTokenPrincipal): void {
    if (this.revokedTokens.isRevoked(principal.jti)) {
      this.cache.delete(token);
      throw invalidToken('The access token has been revoked');
    }
    const { organization } = principal;
    if (this.cutoffs.isCutOff(organization ? { ...principal, organizationId: organization.id } : principal)) {
      this.cache.delete(token);
      throw new TokenCutOffError();
    }
  }
}

function toPrincipal(payload: JWTPayload): AccessTokenPrincipal {
  const {
    sub,
    jti,
    exp,
    iat,
    client_id: clientId,
    scope,
  } = payload as JWTPayload & { client_id?: unknown; scope?: unknown };
  if (typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number' || typeof clientId !== 'string') {
    throw invalidToken('The token lacks a required claim');
  }
  if (scope !== undefined && typeof scope !== 'string') throw invalidToken('The scope claim of the token is malformed');
  return {
    subject: sub,
    // RFC 9068 §2.2: a token with no resource owner (client_credentials) has the client as its subject.
    userId: sub === clientId ? undefined : sub,
    clientId,
    scopes: scope ? scope.split(' ').filter(Boolean) : [],
    jti,
    expiresAt: exp,
    issuedAtMs: timeOfOrderedId(jti) ?? (typeof iat === 'number' ? iat * 1000 : 0),
    ...organizationOf(payload),
  };
}

/** The organization claims, all three or none; anything else is not a token this server issued. */
function organizationOf(payload: JWTPayload): { organization?: OrganizationClaims } {
  const { org_id: id, org: key, org_roles: roles } = payload;
  if (id === undefined && key === undefined && roles === undefined) return {};
  const isStringList = Array.isArray(roles) && roles.every((role) => typeof role === 'string');
  if (typeof id !== 'string' || typeof key !== 'string' || !isStringList) {
    throw invalidToken('The organization claims of the token are malformed');
  }
  return { organization: { id, key, roles } };
}

/** The token was issued before its user, membership or client was cut off (disabled, demoted, ...). */
export class TokenCutOffError extends BearerTokenError {
  constructor() {
    super('invalid_token', 'The access token has been revoked');
  }
}

function invalidToken(description: string): BearerTokenError {
  return new BearerTokenError('invalid_token', description);
}

function asInvalidToken(error: unknown): BearerTokenError {
  if (error instanceof BearerTokenError) return error;
  if (error instanceof errors.JWTExpired) return invalidToken('The access token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return invalidToken('The access token is not valid yet');
    return invalidToken(`The access token's ${error.claim} claim is not acceptable`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return invalidToken('The token signature is invalid');
  if (error instanceof errors.JOSEAlgNotAllowed)
    return invalidToken('The token is not signed with an accepted algorithm');
  return invalidToken('The access token is malformed');
}

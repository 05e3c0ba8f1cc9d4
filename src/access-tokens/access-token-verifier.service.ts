import { Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { BearerTokenError } from '../common/errors/bearer-token.error';
import { timeOfOrderedId } from '../common/time-ordered-id';
import { AppConfig } from '../config/app-config';
import { TokenCutoffs } from '../revocation/token-cutoffs.service';
import { accessTokenAudience } from './access-token-audience';
import { verifyJwsSignature } from '../tokens/keys/jws';
import { RevokedTokensService } from '../tokens/keys/revoked-tokens.service';
import { SigningKeysService } from '../tokens/keys/signing-keys.service';
import type { OrganizationClaims } from '../organizations/organization-claims';
import type { AccessTokenPrincipal } from './access-token-principal';
import { checkAccessTokenClaims } from './access-token-claims';
import { decodeJsonObject, splitCompactJws } from './compact-jws';
import { VerifiedTokenCache } from './verified-token-cache';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from '../common/crypto/signing-algorithms';

/** The only algorithms our keys use; never `none`, never an HMAC (RFC 9068 §4, RFC 8725 §3.1). */
const ALLOWED_ALGORITHMS: ReadonlySet<unknown> = new Set<SigningAlgorithm>(SIGNING_ALGORITHMS);

/** Leeway for clocks of different instances when checking `exp` and `nbf`. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Verifies RFC 9068 access tokens: signature by `kid` against the server's own keys, alg allow-list,
 * `typ`, `iss`, `aud`, `exp`/`nbf` and the revocation list. Verified tokens are cached until `exp`;
 * revocation is checked on every call, cached or not.
 *
 * The tokens are our own, signed by `tokens/keys/jws.ts`, so they are checked the same way: Node's
 * crypto with the KeyObject loaded once per key, synchronously. jose 6 goes through WebCrypto, whose
 * promise and threadpool job per call cost several times the RSA check itself.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly cache = new VerifiedTokenCache();
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
    const jws = splitCompactJws(token);
    // RFC 7515 §4.1.11: this server defines no extension, so a token that makes one critical is not its own.
    if (!jws || jws.header.crit !== undefined) throw invalidToken('The access token is malformed');
    const { alg, publicKey } = await this.keyFor(jws.header.kid, jws.header.alg);
    if (!verifyJwsSignature(alg, jws.signingInput, jws.signature, publicKey)) {
      throw invalidToken('The token signature is invalid');
    }
    const payload = decodeJsonObject(jws.payload);
    if (!payload) throw invalidToken('The access token is malformed');
    checkAccessTokenClaims(jws.header, payload, {
      issuer: this.config.issuer,
      audience: this.audience,
      nowSeconds: Math.floor(Date.now() / 1000),
      clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
    });
    const principal = toPrincipal(payload);
    this.assertNotRevoked(token, principal);
    this.cache.set(token, principal, Date.now() / 1000);
    return principal;
  }

  private async keyFor(kid: unknown, alg: unknown): Promise<{ alg: SigningAlgorithm; publicKey: KeyObject }> {
    if (!isAllowedAlgorithm(alg)) throw invalidToken('The token is not signed with an accepted algorithm');
    if (typeof kid !== 'string' || !kid) throw invalidToken('The token names no signing key');
    const key = await this.signingKeys.verificationKey(kid);
    if (!key) throw invalidToken('The token was not signed by a key of this server');
    // The key decides the algorithm, never the token: this is what stops HS256-with-the-public-key.
    if (key.alg !== alg) throw invalidToken('The token is not signed with the algorithm of its key');
    return { alg, publicKey: key.publicKey };
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

function isAllowedAlgorithm(alg: unknown): alg is SigningAlgorithm {
  return ALLOWED_ALGORITHMS.has(alg);
}

function toPrincipal(payload: Record<string, unknown>): AccessTokenPrincipal {
  const { sub, jti, exp, iat, client_id: clientId, scope } = payload;
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
function organizationOf(payload: Record<string, unknown>): { organization?: OrganizationClaims } {
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

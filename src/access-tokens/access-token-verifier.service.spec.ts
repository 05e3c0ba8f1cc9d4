import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { BearerTokenError } from '../common/errors/bearer-token.error';
import { timeOrderedId } from '../common/time-ordered-id';
import { AppConfig } from '../config/app-config';
import type { TokenCutoffs } from '../revocation/token-cutoffs.service';
import type { RevokedTokensService } from '../tokens/keys/revoked-tokens.service';
import type { SigningKeysService } from '../tokens/keys/signing-keys.service';
import { AccessTokenVerifier } from './access-token-verifier.service';

const ISSUER = 'https://auth.example.test';

/** Stand-ins for the keys module: a key set and a revocation list, counting the key look-ups. */
function setUp() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keys = new Map<string, { alg: string; publicKey: KeyObject }>([['k1', { alg: 'ES256', publicKey }]]);
  const revoked = new Set<string>();
  let lookups = 0;
  const signingKeys = {
    verificationKey: (kid: string) => {
      lookups++;
      return Promise.resolve(keys.get(kid));
    },
  } as unknown as SigningKeysService;
  const revokedTokens = { isRevoked: (jti: string) => revoked.has(jti) } as unknown as RevokedTokensService;
  const cutOffUsers = new Map<string, number>();
  const cutoffs = {
    isCutOff: ({ userId, issuedAtMs }: { userId?: string; issuedAtMs: number }) =>
      userId !== undefined && issuedAtMs < (cutOffUsers.get(userId) ?? 0),
  } as unknown as TokenCutoffs;
  const verifier = new AccessTokenVerifier(
    new AppConfig({ issuer: ISSUER } as AppConfig),
    signingKeys,
    revokedTokens,
    cutoffs,
  );
  const sign = (claims: Record<string, unknown> = {}, alg = 'ES256') =>
    new SignJWT({ sub: 'user-1', client_id: 'portal', scope: 'a b', jti: 'jti-1', ...claims })
      .setProtectedHeader({ alg, typ: 'at+jwt', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(ISSUER)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  return { verifier, sign, revoked, cutOffUsers, lookups: () => lookups, keys };
}

async function rejection(promise: Promise<unknown>): Promise<BearerTokenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BearerTokenError) return error;
    throw error;
  }
  throw new Error('expected a BearerTokenError');
}

describe('AccessTokenVerifier', () => {
  it('turns a valid token into a principal', async () => {
    const { verifier, sign } = setUp();
    await expect(verifier.verify(await sign())).resolves.toMatchObject({
      subject: 'user-1',
      userId: 'user-1',
      clientId: 'portal',
      scopes: ['a', 'b'],
      jti: 'jti-1',
    });
  });

  it('has no user for a client_credentials token (sub = client_id)', async () => {
    const { verifier, sign } = setUp();
    const principal = await verifier.verify(await sign({ sub: 'portal' }));
    expect(principal.userId).toBeUndefined();
  });

  it('serves a repeated token from the cache without looking up its key again', async () => {
    const { verifier, sign, lookups } = setUp();
    const token = await sign();
    expect(verifier.cached(token)).toBeUndefined();
    await verifier.verify(token);
    expect(verifier.cached(token)?.jti).toBe('jti-1');
    await verifier.verify(token);
    expect(lookups()).toBe(1);
  });

  it('checks revocation on every call, cached or not', async () => {
    const { verifier, sign, revoked } = setUp();
    const token = await sign();
    await verifier.verify(token);
    revoked.add('jti-1');
    expect(() => verifier.cached(token)).toThrow('The access token has been revoked');
    expect((await rejection(verifier.verify(token))).code).toBe('invalid_token');
    expect((await rejection(verifier.verify(await sign({ jti: 'jti-1', scope: 'x' })))).description).toBe(
      'The access token has been revoked',
    );
  });

  it('refuses, cached or not, a token issued before its user was cut off, to the millisecond of its jti', async () => {
    const { verifier, sign, cutOffUsers } = setUp();
    const issuedAt = Date.now();
    const before = await sign({ jti: timeOrderedId(issuedAt) });
    const after = await sign({ jti: timeOrderedId(issuedAt + 2) });
    await verifier.verify(before);
    cutOffUsers.set('user-1', issuedAt + 1);
    expect(() => verifier.cached(before)).toThrow('The access token has been revoked');
    expect((await verifier.verify(after)).userId).toBe('user-1');
  });

  it('refuses a token whose header names another algorithm than its key', async () => {
    const { verifier, sign, keys } = setUp();
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keys.set('k1', { alg: 'RS256', publicKey });
    const error = await rejection(verifier.verify(await sign()));
    expect(error.description).toBe('The token is not signed with the algorithm of its key');
  });

  it('refuses a token without a jti or client_id', async () => {
    const { verifier, sign } = setUp();
    expect((await rejection(verifier.verify(await sign({ jti: undefined })))).code).toBe('invalid_token');
    expect((await rejection(verifier.verify(await sign({ client_id: undefined })))).code).toBe('invalid_token');
  });
});

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
  const now = Math.floor(Date.now() / 1000);
  // Every claim can be overridden, the registered ones too.
  const sign = (claims: Record<string, unknown> = {}, alg = 'ES256') =>
    new SignJWT({
      iss: ISSUER,
      aud: ISSUER,
      iat: now,
      exp: now + 300,
      sub: 'user-1',
      client_id: 'portal',
      scope: 'a b',
      jti: 'jti-1',
      ...claims,
    })
      .setProtectedHeader({ alg, typ: 'at+jwt', kid: 'k1' })
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

  it.each([
    ['RS256', () => generateKeyPairSync('rsa', { modulusLength: 2048 })],
    ['ES256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' })],
    ['EdDSA', () => generateKeyPairSync('ed25519')],
  ])('verifies a %s token signed by another implementation (jose)', async (alg, generate) => {
    const { verifier, keys } = setUp();
    const { privateKey, publicKey } = generate();
    keys.set('k2', { alg, publicKey });
    const token = await new SignJWT({ sub: 'user-1', client_id: 'portal', jti: `jti-${alg}` })
      .setProtectedHeader({ alg, typ: 'at+jwt', kid: 'k2' })
      .setIssuer(ISSUER)
      .setAudience([ISSUER, 'https://other.example.test'])
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await verifier.verify(token)).jti).toBe(`jti-${alg}`);
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${payload.slice(0, -2)}${payload.endsWith('A') ? 'B' : 'A'}${payload.slice(-1)}.${signature}`;
    expect((await rejection(verifier.verify(tampered))).description).toBe('The token signature is invalid');
  });

  it('verifies tokens of a retired key that is still published, and refuses a kid it does not know', async () => {
    const { verifier, sign, keys } = setUp();
    const retired = await sign({ jti: 'before-rotation' });
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    keys.set('k2', { alg: 'ES256', publicKey });
    const current = await new SignJWT({ sub: 'user-1', client_id: 'portal', jti: 'after-rotation' })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'k2' })
      .setIssuer(ISSUER)
      .setAudience(ISSUER)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await verifier.verify(retired)).jti).toBe('before-rotation');
    expect((await verifier.verify(current)).jti).toBe('after-rotation');
    keys.delete('k1');
    const unknown = await sign({ jti: 'after-unpublished' });
    expect((await rejection(verifier.verify(unknown))).description).toBe(
      'The token was not signed by a key of this server',
    );
  });

  it('refuses a second spelling of a valid signature (non-zero padding bits in its last character)', async () => {
    const { verifier, sign } = setUp();
    const token = await sign();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 64 signature bytes take 86 characters: the last one carries 2 bits of data and 4 unused ones.
    const last = alphabet[alphabet.indexOf(token.slice(-1)) ^ 1];
    const respelled = `${token.slice(0, -1)}${last}`;
    expect(Buffer.from(respelled.split('.')[2], 'base64url')).toEqual(Buffer.from(token.split('.')[2], 'base64url'));
    expect((await rejection(verifier.verify(respelled))).description).toBe('The token signature is invalid');
    expect((await verifier.verify(token)).jti).toBe('jti-1');
  });

  it.each([
    ['at+jwt', true],
    ['application/at+jwt', true],
    ['AT+JWT', true],
    ['JWT', false],
    ['application/jwt', false],
    [undefined, false],
  ])('accepts typ %j: %s (RFC 9068 §4)', async (typ, accepted) => {
    const { verifier, keys } = setUp();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    keys.set('k1', { alg: 'EdDSA', publicKey });
    const token = await new SignJWT({ sub: 'user-1', client_id: 'portal', jti: 'jti-typ' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1', ...(typ === undefined ? {} : { typ }) })
      .setIssuer(ISSUER)
      .setAudience(ISSUER)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    if (accepted) await expect(verifier.verify(token)).resolves.toMatchObject({ jti: 'jti-typ' });
    else
      expect((await rejection(verifier.verify(token))).description).toBe(
        "The access token's typ claim is not acceptable",
      );
  });

  it('refuses a token that makes a header extension critical (RFC 7515 §4.1.11)', async () => {
    const { verifier, keys } = setUp();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    keys.set('k1', { alg: 'EdDSA', publicKey });
    const token = await new SignJWT({ sub: 'user-1', client_id: 'portal', jti: 'jti-crit' })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: 'k1', crit: ['b64'], b64: true })
      .setIssuer(ISSUER)
      .setAudience(ISSUER)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await rejection(verifier.verify(token))).description).toBe('The access token is malformed');
  });

  it('checks exp and nbf with a few seconds of tolerance, and iat and exp as numbers', async () => {
    const { verifier, sign } = setUp();
    const now = Math.floor(Date.now() / 1000);
    expect((await verifier.verify(await sign({ jti: 'a', exp: now - 2 }))).jti).toBe('a');
    expect((await verifier.verify(await sign({ jti: 'b', nbf: now + 2 }))).jti).toBe('b');
    const describe = async (claims: Record<string, unknown>) =>
      (await rejection(verifier.verify(await sign(claims)))).description;
    expect(await describe({ exp: now - 60 })).toBe('The access token has expired');
    expect(await describe({ nbf: now + 60 })).toBe('The access token is not valid yet');
    expect(await describe({ exp: String(now + 60) })).toBe("The access token's exp claim is not acceptable");
    expect(await describe({ iat: String(now) })).toBe("The access token's iat claim is not acceptable");
    expect(await describe({ iss: 'https://evil.example.test' })).toBe("The access token's iss claim is not acceptable");
    expect(await describe({ aud: ['https://other.example.test'] })).toBe(
      "The access token's aud claim is not acceptable",
    );
  });

  it.each([['not-a-jwt'], ['a.b'], ['a.b.c.d'], ['e30.e30.'], ['W10.e30.AAAA'], ['eyJhbGciOiJFUzI1NiJ9.e+30.AAAA']])(
    'refuses %j as malformed',
    async (token) => {
      const { verifier } = setUp();
      expect((await rejection(verifier.verify(token))).code).toBe('invalid_token');
    },
  );

  it('refuses a token without a jti or client_id', async () => {
    const { verifier, sign } = setUp();
    expect((await rejection(verifier.verify(await sign({ jti: undefined })))).code).toBe('invalid_token');
    expect((await rejection(verifier.verify(await sign({ client_id: undefined })))).code).toBe('invalid_token');
  });
});

import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { createApp } from '../../src/app.factory';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { loadConfig } from '../../src/config/load-config';
import { SigningKey } from '../../src/tokens/signing-key.entity';
import { aUser, anAdmin, signIn, TestUser } from '../factories';
import { startTestApp, TEST_ISSUER, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const jwksOf = async (server: TestApp): Promise<JSONWebKeySet> =>
  (await server.http.get('/.well-known/jwks.json')).body as JSONWebKeySet;

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

describe('signing keys and rotation', () => {
  let server: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    server = await startTestApp();
    user = await aUser(server);
  });
  afterAll(() => server.close());

  it('publishes one RS256 key on first start: kid, alg, use sig, and no private member', async () => {
    const response = await server.http.get('/.well-known/jwks.json');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const { keys } = response.body as JSONWebKeySet;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.stringMatching(/^[\w-]{43}$/) });
    for (const member of PRIVATE_MEMBERS) expect(keys[0]).not.toHaveProperty(member);
  });

  it('POST /admin/keys/rotate: new tokens carry the new kid, tokens of the old key stay valid, both keys published', async () => {
    const before = await signIn(server, user, 'profile');
    const oldKid = decodeProtectedHeader(before).kid;
    const adminToken = await signIn(server, await anAdmin(server), 'admin');

    const rotated = await server.http.post('/admin/keys/rotate').auth(adminToken, { type: 'bearer' });
    expect(rotated.status).toBe(200);
    const newKid = (rotated.body as { kid: string }).kid;
    expect(newKid).not.toBe(oldKid);

    const after = await signIn(server, user, 'profile');
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    const jwks = createLocalJWKSet(await jwksOf(server));
    for (const token of [before, after]) {
      await expect(jwtVerify(token, jwks, { issuer: TEST_ISSUER, typ: 'at+jwt' })).resolves.toBeDefined();
      expect((await server.http.get('/users/me').auth(token, { type: 'bearer' })).status).toBe(200);
    }
    expect((await jwksOf(server)).keys.map((key) => key.kid).sort()).toEqual([oldKid, newKid].sort());

    const old = await server.dataSource.getRepository(SigningKey).findOneByOrFail({ kid: oldKid });
    expect(old.retiredAt).not.toBeNull();
    // Published until the longest access token it may have signed has expired (3600 s) plus the reload interval.
    const publishedFor = old.expiresAt!.getTime() - old.retiredAt!.getTime();
    expect(publishedFor).toBeGreaterThanOrEqual(3600_000);
    expect(publishedFor).toBeLessThanOrEqual(3600_000 + 120_000);
    const audit = await server.dataSource.getRepository(AuditEvent).findBy({ type: 'key.rotated', subject: newKid });
    expect(audit).toHaveLength(1);
  });

  it('POST /admin/keys/rotate needs the admin scope', async () => {
    const token = await signIn(server, user, 'profile');
    expect((await server.http.post('/admin/keys/rotate').auth(token, { type: 'bearer' })).status).toBe(403);
    expect((await server.http.post('/admin/keys/rotate')).status).toBe(401);
  });
});

describe('keys shared through the database', () => {
  let database: TestDatabase;
  const started: TestApp[] = [];
  const start = async (env: Record<string, string> = {}): Promise<TestApp> => {
    const app = await startTestApp(env, { database });
    started.push(app);
    return app;
  };

  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    for (const app of started.splice(0)) await app.close();
    await database.drop();
  });

  it('two instances starting at once on one empty database end with one key that both use', async () => {
    const [first, second] = await Promise.all([start(), start()]);
    const [jwksA, jwksB] = [await jwksOf(first), await jwksOf(second)];
    expect(jwksA.keys).toHaveLength(1);
    expect(jwksB).toEqual(jwksA);
    const user = await aUser(first);
    const [tokenA, tokenB] = [await signIn(first, user, 'profile'), await signIn(second, user, 'profile')];
    expect(decodeProtectedHeader(tokenA).kid).toBe(jwksA.keys[0].kid);
    expect(decodeProtectedHeader(tokenB).kid).toBe(jwksA.keys[0].kid);
  });

  it('an instance accepts tokens signed with a key another instance rotated to', async () => {
    const [first, second] = [await start(), await start()];
    const adminToken = await signIn(first, await anAdmin(first), 'admin');
    const { kid } = (await first.http.post('/admin/keys/rotate').auth(adminToken, { type: 'bearer' })).body as {
      kid: string;
    };
    const token = await signIn(first, await aUser(first), 'profile');
    expect(decodeProtectedHeader(token).kid).toBe(kid);
    expect((await second.http.get('/users/me').auth(token, { type: 'bearer' })).status).toBe(200);
  });

  it('a retired key leaves the JWKS once its tokens have expired, and its tokens stop working', async () => {
    const first = await start();
    const oldToken = await signIn(first, await aUser(first), 'profile');
    const adminToken = await signIn(first, await anAdmin(first), 'admin');
    await first.http.post('/admin/keys/rotate').auth(adminToken, { type: 'bearer' });
    // Time travel: the retired key's publication ends now.
    await first.dataSource
      .createQueryBuilder()
      .update(SigningKey)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('retired_at IS NOT NULL')
      .execute();

    const second = await start();
    expect((await jwksOf(second)).keys).toHaveLength(1);
    expect((await second.http.get('/users/me').auth(oldToken, { type: 'bearer' })).status).toBe(401);
  });

  it('KEY_ENCRYPTION_SECRET: the private key is stored encrypted, and the same secret reads it after a restart', async () => {
    const secret = 'an-encryption-secret-of-at-least-32-chars';
    const first = await start({ KEY_ENCRYPTION_SECRET: secret });
    const [row] = await first.dataSource.getRepository(SigningKey).find();
    expect(row).toMatchObject({ privateKeyEncrypted: true });
    expect(row.privateKey).not.toContain('PRIVATE KEY');
    const user = await aUser(first);
    await first.close();
    started.splice(0);

    const second = await start({ KEY_ENCRYPTION_SECRET: secret });
    expect(
      (await second.http.get('/users/me').auth(await signIn(second, user, 'profile'), { type: 'bearer' })).status,
    ).toBe(200);
    await second.close();
    started.splice(0);
    // Without the secret the server refuses to start, naming the variable.
    const app = await createApp(
      loadConfig({ NODE_ENV: 'test', ISSUER: TEST_ISSUER, LOG_LEVEL: 'silent', DATABASE_URL: database.url }),
    );
    try {
      await expect(app.init()).rejects.toThrow(/KEY_ENCRYPTION_SECRET/);
    } finally {
      await app.close().catch(() => undefined);
    }
  });

  it.each(['ES256', 'EdDSA'])('JWT_ALG=%s: new keys and tokens use it, and jose verifies them', async (alg) => {
    const app = await start({ JWT_ALG: alg });
    const jwks = await jwksOf(app);
    expect(jwks.keys).toEqual([expect.objectContaining({ alg, use: 'sig', kty: alg === 'ES256' ? 'EC' : 'OKP' })]);
    for (const member of PRIVATE_MEMBERS) expect(jwks.keys[0]).not.toHaveProperty(member);
    const token = await signIn(app, await aUser(app), 'profile');
    const { protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), { typ: 'at+jwt', algorithms: [alg] });
    expect(protectedHeader.alg).toBe(alg);
    expect((await app.http.get('/users/me').auth(token, { type: 'bearer' })).status).toBe(200);
  });
});

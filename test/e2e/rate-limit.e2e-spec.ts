import { randomBytes } from 'node:crypto';
import { aRedisPrefix, deleteRedisKeys, TEST_REDIS_URL } from '../support/test-redis';
import { startTestApp, TestApp } from '../support/test-app';

const unique = (): string => randomBytes(4).toString('hex');

const tokenRequest = (server: TestApp, address: string, clientId = 'some-client') =>
  server.http
    .post('/oauth/token')
    .set('X-Forwarded-For', address)
    .type('form')
    .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: 'not-the-secret' });

describe('rate limits on the OAuth endpoints', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({
      TRUST_PROXY: 'true',
      RATE_LIMIT_OAUTH_PER_ADDRESS: '3',
      RATE_LIMIT_OAUTH_PER_CLIENT: '5',
      RATE_LIMIT_WINDOW_SECONDS: '30',
    });
  });
  afterAll(() => server.close());

  it('answers 429 with Retry-After in the OAuth error shape once an address is over its budget', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) statuses.push((await tokenRequest(server, '198.51.100.1')).status);
    expect(statuses).toEqual([401, 401, 401]);

    const limited = await tokenRequest(server, '198.51.100.1');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) as string });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(limited.headers['cache-control']).toBe('no-store');
    // Revocation and introspection share the address's /oauth budget.
    expect(
      (await server.http.post('/oauth/revoke').set('X-Forwarded-For', '198.51.100.1').type('form').send({})).status,
    ).toBe(429);

    expect((await tokenRequest(server, '198.51.100.2')).status).toBe(401);
  });

  it('also limits one client_id across many addresses', async () => {
    const clientId = `client-${unique()}`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push((await tokenRequest(server, `192.0.2.${attempt + 1}`, clientId)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('leaves routes outside the limited areas alone', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await server.http.get('/.well-known/jwks.json').set('X-Forwarded-For', '198.51.100.1').expect(200);
    }
  });
});

describe('rate limits shared through Redis', () => {
  const prefix = aRedisPrefix();
  const env = {
    TRUST_PROXY: 'true',
    RATE_LIMIT_OAUTH_PER_ADDRESS: '3',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
  };
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp(env);
    second = await startTestApp(env);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await deleteRedisKeys(prefix);
  });

  it('counts one budget across instances', async () => {
    const address = '198.51.100.77';
    expect((await tokenRequest(first, address)).status).toBe(401);
    expect((await tokenRequest(second, address)).status).toBe(401);
    expect((await tokenRequest(first, address)).status).toBe(401);
    const limited = await tokenRequest(second, address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});

import { CuttableProxy } from '../support/cuttable-proxy';
import { eventually } from '../support/eventually';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, describeOnMysql, TestDatabase } from '../support/test-database';

const REQUEST_TIMEOUT_MS = 3000;

describeOnMysql('requests during a database outage (MariaDB)', () => {
  let database: TestDatabase;
  let proxy: CuttableProxy;
  let server: TestApp;
  let signUps = 0;

  const signUp = () =>
    server.http
      .post('/users')
      .send({ email: `outage-${signUps++}@example.test`, password: 'correct horse battery staple' });
  const passwordGrant = () =>
    server.http.post('/oauth/token').type('form').send({
      grant_type: 'password',
      client_id: server.config.portalClientId,
      username: 'admin@example.test',
      password: 'admin-password-123',
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = await CuttableProxy.start({ host: direct.hostname, port: Number(direct.port) || 3306 });
    server = await startTestApp(
      { REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) },
      { database: { url: proxy.urlFor(database.url), drop: () => Promise.resolve() } },
    );
  });
  afterAll(async () => {
    await server.close();
    await proxy.cut();
    await database.drop();
  });

  it('answers 503 while the database refuses connections, in each route family shape, and recovers by itself', async () => {
    expect((await passwordGrant()).status).toBe(200);
    expect((await signUp()).status).toBe(201);

    await proxy.cut();
    const token = await passwordGrant();
    expect(token.status).toBe(503);
    expect(token.body).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) as string });
    expect(token.headers['cache-control']).toBe('no-store');
    const portal = await signUp();
    expect(portal.status).toBe(503);
    expect(portal.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: expect.any(String) as string,
    });
    expect(JSON.stringify([token.body, portal.body])).not.toMatch(/ECONN|SELECT|INSERT|mysql/i);

    await proxy.open();
    expect(await eventually(async () => (await passwordGrant()).status === 200, 15_000)).toBe(true);
    expect((await signUp()).status).toBe(201);
  });

  it('answers 503 within the request timeout when the database stops answering without closing connections', async () => {
    proxy.stall();
    const started = Date.now();
    const [token, portal] = await Promise.all([passwordGrant(), signUp()]);
    const elapsed = Date.now() - started;
    expect(token.status).toBe(503);
    expect(token.body).toMatchObject({ error: 'temporarily_unavailable' });
    expect(portal.status).toBe(503);
    expect(elapsed).toBeLessThan(REQUEST_TIMEOUT_MS + 2000);

    await proxy.open();
    expect(await eventually(async () => (await passwordGrant()).status === 200, 20_000)).toBe(true);
    expect((await signUp()).status).toBe(201);
  }, 40_000);
});

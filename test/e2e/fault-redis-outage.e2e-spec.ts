import { createServer } from 'node:net';
import { startTestApp, TestApp } from '../support/test-app';

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('requests while Redis is unreachable', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
  });
  afterAll(() => server.close());

  it('answers 503 temporarily_unavailable on the OAuth endpoints and 503 elsewhere, quickly, and stays up', async () => {
    const started = Date.now();
    const token = await server.http.post('/oauth/token').type('form').send({
      grant_type: 'password',
      client_id: server.config.portalClientId,
      username: 'admin@example.test',
      password: 'admin-password-123',
    });
    expect(token.status).toBe(503);
    expect(token.body).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) as string });
    const signUp = await server.http
      .post('/users')
      .send({ email: 'redis-down@example.test', password: 'correct horse battery staple' });
    expect(signUp.status).toBe(503);
    expect(signUp.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(Date.now() - started).toBeLessThan(5000);
    await server.http.get('/health').expect(200);
  });
});

import { eventually } from '../support/eventually';
import { startTestApp, TestApp } from '../support/test-app';

const SECRETS = {
  bearer: 'bearer-secret-value-1234567890',
  basic: Buffer.from('some-client:basic-secret-value-123').toString('base64'),
  queryToken: 'query-token-secret-0987654321',
  password: 'body-password-secret-555',
};

describe('logs carry no secrets', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({}, { captureLogs: true });
  });
  afterAll(() => server.close());

  it('redacts headers, query tokens and bodies while still logging the requests', async () => {
    await server.http.get('/health').set('authorization', `Bearer ${SECRETS.bearer}`);
    await server.http.get(`/health?access_token=${SECRETS.queryToken}&x=1`);
    await server.http.post('/oauth/token').set('authorization', `Basic ${SECRETS.basic}`).type('form').send({
      grant_type: 'password',
      username: 'someone@example.test',
      password: SECRETS.password,
      client_secret: SECRETS.password,
    });

    const logs = server.logs.join('');
    expect(logs).toContain('"url":"/health?access_token=[REDACTED]&x=1"');
    expect(logs).toContain('/oauth/token');
    for (const secret of Object.values(SECRETS)) expect(logs).not.toContain(secret);
  });

  it('writes one line per request, bound to its request id', async () => {
    await server.http.get('/health').set('x-request-id', 'one-line-check-42');
    const lines = () =>
      server.logs
        .join('')
        .split('\n')
        .filter((line) => line.includes('one-line-check-42'))
        .map((line) => JSON.parse(line) as { reqId?: string; msg?: string; req?: { url?: string } });
    // The line is written once the response has gone out, which may be after the client has read it.
    await eventually(() => Promise.resolve(lines().length > 0), 2000);
    expect(lines()).toEqual([
      expect.objectContaining({
        reqId: 'one-line-check-42',
        msg: 'request completed',
        req: expect.objectContaining({ url: '/health' }),
      }),
    ]);
  });
});

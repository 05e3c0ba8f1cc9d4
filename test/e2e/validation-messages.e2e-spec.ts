import { startTestApp, TestApp } from '../support/test-app';

describe('validation messages', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ RATE_LIMIT_ENABLED: 'false' });
  });
  afterAll(() => server.close());

  it('name every failing field of a sign-up', async () => {
    const response = await server.http.post('/users').send({ email: 'not-an-email', password: 'short', extra: 1 });
    expect(response.status).toBe(400);
    const { message } = response.body as { message: string[] };
    expect(message.some((line) => line.startsWith('email'))).toBe(true);
    expect(message.some((line) => line.startsWith('password'))).toBe(true);
    expect(message).toContain('property extra should not exist');
  });

  it('do not echo a JSON body sent as a form field name, password and all', async () => {
    const body = JSON.stringify({ email: 'eve@example.test', password: 'echo-me-not-0123456789' });
    const response = await server.http.post('/users').type('form').send(body);
    expect(response.status).toBe(400);
    expect(response.text).not.toContain('echo-me-not');
    expect(response.text.length).toBeLessThan(2000);
  });
});

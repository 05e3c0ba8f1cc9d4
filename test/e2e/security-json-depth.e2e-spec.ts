import fc from 'fast-check';
import { signIn, aUser } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';

const nested = (depth: number, open = '[', close = ']'): string => `${open.repeat(depth)}${close.repeat(depth)}`;

// Issue #10 item 3: a 500 KB `{"name":[[[...]]]}` overflowed the validator's stack (a 500) and held the event loop.
describe('JSON nested deeper than a small limit is refused before it is parsed (issue #10 item 3)', () => {
  let server: TestApp;
  let token: string;

  beforeAll(async () => {
    server = await startTestApp({ RATE_LIMIT_ENABLED: 'false' });
    token = await signIn(server, await aUser(server), 'clients:write');
  });
  afterAll(() => server.close());

  it('answers 400 in the API shape for 500 KB of nested arrays on sign-up', async () => {
    const body = `{"email":"deep@example.test","password":"password-1234567","name":${nested(250_000)}}`;
    const response = await server.http.post('/users').set('content-type', 'application/json').send(body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/nested/) as string,
    });
    await server.http.get('/health').expect(200);
  });

  it('answers 400 invalid_request in the OAuth shape on /oauth/*', async () => {
    const response = await server.http
      .post('/oauth/token')
      .set('content-type', 'application/json')
      .send(`{"grant_type":${nested(40, '{"a":', '}')}}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: 'invalid_request',
      error_description: expect.stringMatching(/nested/) as string,
    });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('still takes ordinary JSON bodies', async () => {
    const response = await server.http
      .post('/clients')
      .auth(token, { type: 'bearer' })
      .send({ name: 'shallow', grant_types: ['client_credentials'] });
    expect(response.status).toBe(201);
  });

  it('gives a 4xx, never a 5xx, for any nesting depth on any JSON route (fast-check)', async () => {
    const routes = [
      { path: '/users', auth: false },
      { path: '/clients', auth: true },
      { path: '/api/contacts', auth: true },
      { path: '/oauth/token', auth: false },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.integer({ min: 1, max: 100_000 }),
        fc.boolean(),
        async (route, depth, objects) => {
          const value = objects ? nested(depth, '{"a":', '}').replace(/\{"a":\}/, '{}') : nested(depth);
          const request = server.http.post(route.path).set('content-type', 'application/json');
          if (route.auth) void request.auth(token, { type: 'bearer' });
          const response = await request.send(`{"name":${value}}`);
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });
});

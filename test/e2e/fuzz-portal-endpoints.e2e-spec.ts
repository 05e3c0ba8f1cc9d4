import { randomBytes } from 'node:crypto';
import { aUser, signIn } from '../factories';
import fc from 'fast-check';
import { FuzzCase, fuzzRuns, nastyString, percentEncode, requestCases, Template } from '../support/fuzz-arbitraries';
import { closeConnections, RawResponse, send } from '../support/fuzz-http';
import { countRows, FUZZ_ENV, fuzzRoute } from '../support/fuzz-run';
import { startTestApp, TestApp } from '../support/test-app';

const PRISTINE_OBJECT_PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort();
const TABLES = ['users', 'clients', 'contacts', 'refresh_tokens'];
const PASSWORD = 'correct horse battery staple';

describe('fuzzing sign-up, client registration and a guarded route (fast-check): every answer keeps the contract', () => {
  let server: TestApp;
  let token: string;
  let before: Record<string, number>;
  const created = { users: 0, clients: 0, contacts: 0 };

  const countCreated =
    (table: keyof typeof created) =>
    (_: unknown, response: RawResponse): void => {
      if (response.status === 201) created[table]++;
    };

  beforeAll(async () => {
    server = await startTestApp(FUZZ_ENV);
    const user = await aUser(server, { password: PASSWORD });
    token = await signIn(server, user, 'profile clients:read clients:write contacts.read contacts.write');
    before = await countRows(server.dataSource, TABLES);
  });
  afterAll(async () => {
    closeConnections();
    await server.close();
  });

  it('POST /users', async () => {
    const newEmail = () => ({ email: `fuzz-${randomBytes(6).toString('hex')}@example.test` });
    const templates: Template[] = [
      { name: 'sign-up', params: { password: PASSWORD }, fresh: newEmail },
      { name: 'sign-up with a name', params: { password: PASSWORD, name: 'Ada Lovelace' }, fresh: newEmail },
      { name: 'email taken', params: { email: 'admin@example.test', password: PASSWORD }, alwaysValid: false },
    ];
    const tally = await fuzzRoute({
      baseUrl: server.url,
      cases: requestCases({
        method: 'POST',
        path: '/users',
        templates,
        knownFields: ['email', 'password', 'name'],
        validEncodings: ['json'],
      }),
      runs: fuzzRuns(400),
      successStatuses: [201],
      secrets: [PASSWORD, token],
      observe: countCreated('users'),
    });
    expect(tally.byStatus[201]).toBeGreaterThan(0);
    expect(tally.byStatus[409]).toBeGreaterThan(0);
  }, 120_000);

  it('POST /clients with a bearer token', async () => {
    const bearer = `Bearer ${token}`;
    const templates: Template[] = [
      { name: 'defaults', params: { name: 'My app' }, authorization: bearer },
      {
        name: 'confidential service',
        params: { name: 'Service', grant_types: ['client_credentials'], scopes: ['contacts.read'], confidential: true },
        authorization: bearer,
      },
      {
        name: 'public app',
        params: { name: 'SPA', grant_types: ['password', 'refresh_token'], confidential: false },
        authorization: bearer,
      },
    ];
    const tally = await fuzzRoute({
      baseUrl: server.url,
      cases: requestCases({
        method: 'POST',
        path: '/clients',
        templates,
        knownFields: ['name', 'grant_types', 'scopes', 'confidential', 'access_token'],
        validEncodings: ['json'],
      }),
      runs: fuzzRuns(350),
      successStatuses: [201],
      secrets: [PASSWORD],
      observe: countCreated('clients'),
    });
    expect(tally.byStatus[201]).toBeGreaterThan(0);
    expect(tally.byStatus[401]).toBeGreaterThan(0);
  }, 120_000);

  it('POST /api/contacts, the token in the header or the form body', async () => {
    const templates: Template[] = [
      {
        name: 'header token',
        params: { name: 'Ada', email: 'ada@example.com', phone: '+44 20 7946 0000', notes: 'Engine' },
        authorization: `Bearer ${token}`,
      },
      { name: 'form body token', params: { access_token: token, name: 'Charles' }, encodings: ['form'] },
    ];
    const tally = await fuzzRoute({
      baseUrl: server.url,
      cases: requestCases({
        method: 'POST',
        path: '/api/contacts',
        templates,
        knownFields: ['name', 'email', 'phone', 'notes', 'access_token', 'id', 'owner_id'],
        validEncodings: ['json', 'form'],
      }),
      runs: fuzzRuns(400),
      successStatuses: [201],
      secrets: [PASSWORD, token],
      observe: countCreated('contacts'),
    });
    expect(tally.byStatus[201]).toBeGreaterThan(0);
  }, 120_000);

  it('GET /api/contacts with odd query strings', async () => {
    const templates: Template[] = [
      { name: 'page', params: { limit: '5', offset: '0' }, authorization: `Bearer ${token}` },
      { name: 'search', params: { q: 'ada' }, authorization: `Bearer ${token}` },
    ];
    const tally = await fuzzRoute({
      baseUrl: server.url,
      cases: requestCases({
        method: 'GET',
        path: '/api/contacts',
        templates,
        knownFields: ['limit', 'offset', 'q', 'access_token'],
        validEncodings: ['json'],
      }),
      runs: fuzzRuns(150),
      successStatuses: [200],
      secrets: [PASSWORD, token],
    });
    expect(tally.byStatus[200]).toBeGreaterThan(0);
  }, 120_000);

  it('GET, PATCH and DELETE /api/contacts/{id} and /clients/{client_id} with odd ids', async () => {
    const rawSegments = fc.constantFrom('%', '%ZZ', '%C0%AF', '%ED%A0%80', '%FF', '%00', '..', '%2F..%2F', '%2e%2e');
    const cases = fc
      .record({
        method: fc.constantFrom('GET', 'PATCH', 'DELETE'),
        base: fc.constantFrom('/api/contacts/', '/clients/', '/clients/portal/'),
        id: fc.oneof(nastyString.map(percentEncode), rawSegments),
        body: fc.constantFrom(undefined, '{"name":"x"}', '{"__proto__":{"a":1}}', '{"name":null}'),
      })
      .map(({ method, base, id, body }): FuzzCase => ({
        request: {
          method,
          path: `${base}${id}`.slice(0, 2000),
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body === undefined || method === 'GET' ? undefined : Buffer.from(body),
        },
        pristine: false,
        template: 'odd id',
      }));
    const tally = await fuzzRoute({
      baseUrl: server.url,
      cases,
      runs: fuzzRuns(250),
      successStatuses: [],
      secrets: [PASSWORD, token],
    });
    expect(tally.byStatus[404]).toBeGreaterThan(0);
  }, 120_000);

  describe('what fuzzing found (500s and answers in other shapes)', () => {
    it.each(['a\\ud83db', 'ada\\udc00@example.com', '\\ud800@example.com'])(
      'refuses an email with a lone surrogate (%s in JSON) with 400',
      async (escaped) => {
        const body = `{"email":"${escaped}","password":"${PASSWORD}"}`;
        const signUp = await send(server.url, {
          method: 'POST',
          path: '/users',
          headers: { 'content-type': 'application/json' },
          body: Buffer.from(body),
        });
        expect(signUp.status).toBe(400);
        expect(signUp.json).toMatchObject({ statusCode: 400, message: ['email must be an email'] });
        const contact = await send(server.url, {
          method: 'POST',
          path: '/api/contacts',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: Buffer.from(`{"name":"Ada","email":"${escaped}"}`),
        });
        expect(contact.status).toBe(400);
      },
    );

    it('answers a bad percent-escape in the path and an over-long path parameter in the contract shapes', async () => {
      const get = (path: string) =>
        send(server.url, { method: 'GET', path, headers: { authorization: `Bearer ${token}` } });
      expect(await get('/api/contacts/%')).toMatchObject({
        status: 400,
        json: { statusCode: 400, error: 'Bad Request', message: 'The URL is not validly percent-encoded' },
      });
      expect(await get(`/api/contacts/${'a'.repeat(500)}`)).toMatchObject({
        status: 414,
        json: { statusCode: 414, error: 'Uri Too Long', message: 'A path parameter is too long' },
      });
      const oauth = await send(server.url, { method: 'POST', path: '/oauth/%ZZ', headers: {} });
      expect(oauth.status).toBe(400);
      expect(oauth.json).toEqual({ error: 'invalid_request', error_description: expect.any(String) as string });
    });

    it('refuses an offset past 2^31 - 1 with 400', async () => {
      for (const offset of ['9223372036854776000', '2147483648', '1e300']) {
        const response = await server.http.get(`/api/contacts?offset=${offset}`).auth(token, { type: 'bearer' });
        expect(response.status).toBe(400);
      }
      expect((await server.http.get('/api/contacts?offset=2147483647').auth(token, { type: 'bearer' })).status).toBe(
        200,
      );
    });
  });

  it('stays up and holds exactly the rows the 201 answers created', async () => {
    // The app runs in this process: no __proto__ or constructor key reached a shared prototype.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PRISTINE_OBJECT_PROTOTYPE);
    expect((await server.http.get('/health')).status).toBe(200);
    const after = await countRows(server.dataSource, TABLES);
    expect(after).toEqual({
      users: before.users + created.users,
      clients: before.clients + created.clients,
      contacts: before.contacts + created.contacts,
      refresh_tokens: before.refresh_tokens,
    });
  });
});

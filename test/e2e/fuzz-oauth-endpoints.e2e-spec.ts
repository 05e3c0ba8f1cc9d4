import { aUser, TestUser } from '../factories';
import { fuzzRuns, requestCases, Template } from '../support/fuzz-arbitraries';
import { closeConnections, RawResponse, send } from '../support/fuzz-http';
import { countRows, FUZZ_ENV, fuzzRoute } from '../support/fuzz-run';
import { basicAuthorization, insertClient, TestClient } from '../support/oauth-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

interface Tokens {
  access_token: string;
  refresh_token: string;
}

const PRISTINE_OBJECT_PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort();
const TABLES = ['users', 'clients', 'contacts', 'refresh_tokens'];
const OAUTH_FIELDS = [
  'grant_type',
  'username',
  'password',
  'scope',
  'refresh_token',
  'client_id',
  'client_secret',
  'token',
  'token_type_hint',
];

describe('fuzzing the OAuth endpoints (fast-check): every answer keeps the contract', () => {
  let server: TestApp;
  let user: TestUser;
  let client: TestClient;
  let portal: string;
  let pool: Tokens[];
  let before: Record<string, number>;
  let refreshTokensIssued = 0;
  let secrets: string[];

  const passwordGrant = async (): Promise<Tokens> => {
    const response = await server.http.post('/oauth/token').type('form').send({
      grant_type: 'password',
      username: user.email,
      password: user.password,
      client_id: client.clientId,
      client_secret: client.clientSecret!,
    });
    expect(response.status).toBe(200);
    return response.body as Tokens;
  };

  const countIssued = (_: unknown, response: RawResponse): void => {
    const body = response.json as { refresh_token?: unknown } | undefined;
    if (response.status === 200 && typeof body?.refresh_token === 'string') refreshTokensIssued++;
  };

  beforeAll(async () => {
    server = await startTestApp(FUZZ_ENV);
    user = await aUser(server);
    client = await insertClient(server, { confidential: true });
    portal = server.config.portalClientId;
    pool = [await passwordGrant(), await passwordGrant(), await passwordGrant()];
    secrets = [user.password, client.clientSecret!];
    before = await countRows(server.dataSource, TABLES);
  });
  afterAll(async () => {
    closeConnections();
    await server.close();
  });

  const confidentialBody = () => ({ client_id: client.clientId, client_secret: client.clientSecret! });
  const basic = () => basicAuthorization(client.clientId, client.clientSecret!);

  it('POST /oauth/token', async () => {
    const templates: Template[] = [
      {
        name: 'password, public client',
        params: { grant_type: 'password', client_id: portal, username: user.email, password: user.password },
      },
      {
        name: 'password, client_secret_post',
        params: { grant_type: 'password', username: user.email, password: user.password, ...confidentialBody() },
      },
      {
        name: 'password, Basic, scope',
        params: { grant_type: 'password', username: user.email, password: user.password, scope: 'profile' },
        authorization: basic(),
      },
      { name: 'client_credentials, Basic', params: { grant_type: 'client_credentials' }, authorization: basic() },
      { name: 'client_credentials, post', params: { grant_type: 'client_credentials', ...confidentialBody() } },
      ...pool.map((tokens, index): Template => ({
        name: `refresh ${index}`,
        params: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, ...confidentialBody() },
        alwaysValid: false,
      })),
    ];
    const tally = await fuzzRoute({
      baseUrl: server.url,
      cases: requestCases({
        method: 'POST',
        path: '/oauth/token',
        templates,
        knownFields: OAUTH_FIELDS,
        validEncodings: ['form', 'json'],
      }),
      runs: fuzzRuns(900),
      successStatuses: [200],
      secrets,
      observe: countIssued,
    });
    expect(tally.byStatus[200]).toBeGreaterThan(0);
    expect(tally.byStatus[400]).toBeGreaterThan(0);
    expect(tally.byStatus[401]).toBeGreaterThan(0);
  }, 180_000);

  it('POST /oauth/revoke', async () => {
    const templates: Template[] = [
      { name: 'refresh, Basic', params: { token: pool[0].refresh_token }, authorization: basic() },
      { name: 'access, post', params: { token: pool[1].access_token, ...confidentialBody() } },
      {
        name: 'hint, public client',
        params: { token: pool[2].access_token, token_type_hint: 'access_token', client_id: portal },
      },
      { name: 'unknown token', params: { token: 'not-a-token', ...confidentialBody() } },
    ];
    const tally = await fuzzRoute({
      baseUrl: server.url,
      cases: requestCases({
        method: 'POST',
        path: '/oauth/revoke',
        templates,
        knownFields: OAUTH_FIELDS,
        validEncodings: ['form', 'json'],
      }),
      runs: fuzzRuns(350),
      successStatuses: [200],
      secrets,
    });
    expect(tally.byStatus[200]).toBeGreaterThan(0);
  }, 120_000);

  it('POST /oauth/introspect', async () => {
    const fresh = await passwordGrant();
    refreshTokensIssued++;
    const templates: Template[] = [
      { name: 'access, Basic', params: { token: fresh.access_token }, authorization: basic() },
      { name: 'refresh, post', params: { token: fresh.refresh_token, ...confidentialBody() } },
      { name: 'hint', params: { token: fresh.access_token, token_type_hint: 'refresh_token', ...confidentialBody() } },
      { name: 'garbage token', params: { token: 'a.b.c' }, authorization: basic() },
    ];
    const tally = await fuzzRoute({
      baseUrl: server.url,
      cases: requestCases({
        method: 'POST',
        path: '/oauth/introspect',
        templates,
        knownFields: OAUTH_FIELDS,
        validEncodings: ['form', 'json'],
      }),
      runs: fuzzRuns(350),
      successStatuses: [200],
      secrets,
    });
    expect(tally.byStatus[200]).toBeGreaterThan(0);
  }, 120_000);

  it.each(['', ';', 'xx', 'application/', 'application/json, application/x-www-form-urlencoded'])(
    'answers the unparsable Content-Type %j with 400 invalid_request, not 415 (found by fuzzing)',
    async (contentType) => {
      const response = await send(server.url, {
        method: 'POST',
        path: '/oauth/token',
        headers: { 'content-type': contentType },
        body: Buffer.from('grant_type=client_credentials'),
      });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ error: 'invalid_request', error_description: expect.any(String) as string });
      expect(response.headers['cache-control']).toBe('no-store');
    },
  );

  it('refuses a header section past 16 KiB at the HTTP layer (431, or a reset while still sending) and stays up', async () => {
    const oversized = await send(server.url, {
      method: 'POST',
      path: '/oauth/token',
      headers: { authorization: `Basic ${'A'.repeat(20_000)}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from('grant_type=client_credentials'),
    }).then(
      (response) => response.status,
      (error: NodeJS.ErrnoException) => error.code ?? error.message,
    );
    expect([431, 'ECONNRESET', 'EPIPE', 'socket hang up']).toContain(oversized);
    expect((await server.http.get('/health')).status).toBe(200);
  });

  it('stays up, still serves valid requests, and holds exactly the rows the successful requests created', async () => {
    // The app runs in this process: no __proto__ or constructor key reached a shared prototype.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PRISTINE_OBJECT_PROTOTYPE);
    expect((await server.http.get('/health')).status).toBe(200);
    await passwordGrant();
    refreshTokensIssued++;
    const after = await countRows(server.dataSource, TABLES);
    expect(after).toEqual({ ...before, refresh_tokens: before.refresh_tokens + refreshTokensIssued });
  });
});

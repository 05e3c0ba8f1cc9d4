import fc from 'fast-check';
import { anAdmin, aUser, signIn, type TestUser } from '../../factories';
import {
  ACCESS_TOKEN_TYPE,
  ID_TOKEN_TYPE,
  JWT_BEARER,
  JWT_TYPE,
  TOKEN_EXCHANGE,
  unsignedJwt,
} from '../../support/federation-fixtures';
import { fuzzRuns, nastyString, percentEncode, requestCases, type Template } from '../../support/fuzz-arbitraries';
import { closeConnections, send } from '../../support/fuzz-http';
import { FUZZ_ENV, FUZZ_SEED, fuzzRoute } from '../../support/fuzz-run';
import { Browser, pkcePair } from '../../support/interaction/browser';
import { basicAuthorization, insertClient, type TestClient } from '../../support/oauth-fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';
import { aKey, addMember, anOrganization, signInForOrgs } from './org-fixtures';

const REDIRECT_URI = 'http://127.0.0.1/callback';

/** Pieces of usernames and keys: emails with several `@`, key-like and unlike strings, the real ones. */
const segment = (real: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...real), weight: 2 },
    { arbitrary: fc.stringMatching(/^[a-zA-Z0-9.-]{0,42}$/), weight: 2 },
    { arbitrary: fc.constantFrom('', ' ', '%40', '@', '\u0000', 'a'.repeat(300), '..', '%2e%2e'), weight: 1 },
    // Cut short: a longer query string meets the HTTP layer's header limit (431), not the routes.
    { arbitrary: nastyString.map((value) => value.slice(0, 400)), weight: 1 },
  );
const atJoined = (real: string[]) =>
  fc.array(segment(real), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('@'));

describe('organizations: fuzzed organization keys, emails with several @, and token-exchange parameters (no 5xx)', () => {
  let server: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let ownerToken: string;
  let adminToken: string;
  let key: string;
  let backend: TestClient;
  let codeClientId: string;
  let subjectToken: string;

  beforeAll(async () => {
    server = await startTestApp({ ...FUZZ_ENV, ISSUER: 'http://auth.example.test' });
    [owner, member] = await Promise.all([aUser(server), aUser(server)]);
    ownerToken = await signInForOrgs(server, owner);
    adminToken = await signIn(server, await anAdmin(server), 'admin');
    key = await anOrganization(server, ownerToken);
    await addMember(server, ownerToken, key, member, 'member');
    backend = await insertClient(server, {
      confidential: true,
      grantTypes: [TOKEN_EXCHANGE, JWT_BEARER, 'bearer', 'password'],
      scopes: ['openid', 'profile', 'orgs:read'],
    });
    const signedIn = await server.http
      .post('/oauth/token')
      .set('authorization', basicAuthorization(backend.clientId, backend.clientSecret ?? ''))
      .type('form')
      .send({
        grant_type: 'password',
        username: `${member.email}@${key}`,
        password: member.password,
        scope: 'openid profile orgs:read',
      });
    subjectToken = (signedIn.body as { access_token: string }).access_token;
    const code = await server.http
      .post('/clients')
      .auth(await signIn(server, owner, 'clients:write'), { type: 'bearer' })
      .send({
        name: 'Code app',
        confidential: false,
        grant_types: ['authorization_code'],
        redirect_uris: [REDIRECT_URI],
      });
    codeClientId = (code.body as { client_id: string }).client_id;
  });
  afterAll(async () => {
    closeConnections();
    await server.close();
  });

  it('POST /oauth/token: token exchange, jwt-bearer, bearer and the password grant for an organization', async () => {
    const basic = basicAuthorization(backend.clientId, backend.clientSecret ?? '');
    const exchange = { grant_type: TOKEN_EXCHANGE, subject_token: subjectToken, subject_token_type: ACCESS_TOKEN_TYPE };
    const external = unsignedJwt({ iss: 'https://accounts.example.test', sub: 'x', aud: 'app', exp: 9_999_999_999 });
    const templates: Template[] = [
      { name: 'exchange own token', params: exchange, authorization: basic },
      { name: 'exchange, downscoped', params: { ...exchange, scope: 'orgs:read' }, authorization: basic },
      { name: 'exchange, openid', params: { ...exchange, scope: 'openid' }, authorization: basic },
      {
        name: 'exchange, actor',
        params: { ...exchange, actor_token: subjectToken, actor_token_type: ACCESS_TOKEN_TYPE },
        authorization: basic,
      },
      {
        name: 'exchange, resource and audience',
        params: { ...exchange, resource: 'https://api.example.test/', audience: 'api' },
        authorization: basic,
      },
      {
        name: 'exchange, foreign ID token',
        params: { grant_type: TOKEN_EXCHANGE, subject_token: external, subject_token_type: ID_TOKEN_TYPE },
        authorization: basic,
        alwaysValid: false,
      },
      {
        name: 'exchange, opaque token of an issuer',
        params: { ...exchange, subject_token_type: ACCESS_TOKEN_TYPE, subject_issuer: 'facebook' },
        authorization: basic,
        alwaysValid: false,
      },
      {
        name: 'jwt-bearer',
        params: { grant_type: JWT_BEARER, assertion: external },
        authorization: basic,
        alwaysValid: false,
      },
      {
        name: 'bearer alias',
        params: { grant_type: 'bearer', subject_token: external, subject_token_type: JWT_TYPE },
        authorization: basic,
        alwaysValid: false,
      },
      {
        name: 'password for the organization',
        params: { grant_type: 'password', username: member.email, password: member.password, organization: key },
        authorization: basic,
      },
      {
        name: 'password as email@org',
        params: { grant_type: 'password', username: `${member.email}@${key}`, password: member.password },
        authorization: basic,
      },
    ];
    const tally = await fuzzRoute({
      baseUrl: server.url,
      cases: requestCases({
        method: 'POST',
        path: '/oauth/token',
        templates,
        knownFields: [
          'grant_type',
          'subject_token',
          'subject_token_type',
          'subject_issuer',
          'actor_token',
          'actor_token_type',
          'requested_token_type',
          'resource',
          'audience',
          'scope',
          'assertion',
          'username',
          'password',
          'organization',
        ],
        validEncodings: ['form'],
      }),
      runs: fuzzRuns(400),
      successStatuses: [200],
      secrets: [member.password, backend.clientSecret ?? ''],
    });
    expect(tally.byStatus[200]).toBeGreaterThan(0);
    expect(tally.byStatus[400]).toBeGreaterThan(0);
  }, 240_000);

  it('POST /orgs and POST /orgs/{key}/members', async () => {
    const bearer = `Bearer ${ownerToken}`;
    const tally = await fuzzRoute({
      baseUrl: server.url,
      cases: requestCases({
        method: 'POST',
        path: '/orgs',
        templates: [
          { name: 'create', params: { name: 'Acme' }, authorization: bearer, fresh: () => ({ key: aKey() }) },
        ],
        knownFields: ['key', 'name'],
        validEncodings: ['json'],
      }),
      runs: fuzzRuns(200),
      successStatuses: [201],
      secrets: [owner.password],
    });
    expect(tally.byStatus[201]).toBeGreaterThan(0);
    expect(tally.byStatus[400]).toBeGreaterThan(0);

    const members = await fuzzRoute({
      baseUrl: server.url,
      cases: requestCases({
        method: 'POST',
        path: `/orgs/${key}/members`,
        templates: [
          {
            name: 'member already',
            params: { email: member.email, role: 'member' },
            authorization: bearer,
            alwaysValid: false,
          },
          {
            name: 'email@org',
            params: { email: `${member.email}@${key}`, role: 'admin' },
            authorization: bearer,
            alwaysValid: false,
          },
        ],
        knownFields: ['email', 'role'],
        validEncodings: ['json'],
      }),
      runs: fuzzRuns(150),
      successStatuses: [201],
      secrets: [owner.password],
    });
    expect(members.byStatus[409]).toBeGreaterThan(0);
  }, 240_000);

  it('organization keys in paths and the admin search: a JSON 2xx or 4xx, never a 5xx', async () => {
    const keys = fc.oneof(segment([key, key.toUpperCase(), 'no-such-org']), atJoined([key]));
    await fc.assert(
      fc.asyncProperty(
        keys,
        fc.constantFrom('GET', 'PATCH', 'DELETE'),
        fc.constantFrom('/orgs/', '/admin/orgs/', '/admin/orgs?q=', '/orgs/x/members/'),
        async (value, method, prefix) => {
          const admin = prefix.startsWith('/admin');
          // Deleting the real organization would end the other properties' fixtures.
          const chosen = prefix.includes('?') || (value.toLowerCase() === key && method === 'DELETE') ? 'GET' : method;
          const response = await send(server.url, {
            method: chosen,
            path: `${prefix}${percentEncode(value)}`,
            headers: {
              authorization: `Bearer ${admin ? adminToken : ownerToken}`,
              ...(chosen === 'PATCH' ? { 'content-type': 'application/json' } : {}),
            },
            body: chosen === 'PATCH' ? Buffer.from('{"name":"Renamed"}') : undefined,
          });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.json).toMatchObject({ statusCode: response.status });
          }
        },
      ),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(150) },
    );
  }, 240_000);

  it('/oauth/authorize and its sign-in form: organization, login_hint and typed emails with several @', async () => {
    const withOrganization = fc.option(segment([key, key.toUpperCase(), 'no-such-org']), { nil: undefined });
    const hint = fc.option(atJoined([member.email, key]), { nil: undefined });
    const typed = atJoined([member.email, key, 'example.test']);
    await fc.assert(
      fc.asyncProperty(withOrganization, hint, typed, fc.boolean(), async (organization, loginHint, email, right) => {
        const browser = new Browser(server);
        const query = new URLSearchParams({
          response_type: 'code',
          client_id: codeClientId,
          redirect_uri: REDIRECT_URI,
          code_challenge: pkcePair().challenge,
          code_challenge_method: 'S256',
          ...(organization !== undefined ? { organization } : {}),
          ...(loginHint !== undefined ? { login_hint: loginHint } : {}),
        });
        const page = await browser.get(`/oauth/authorize?${query.toString()}`);
        // The sign-in page, or a redirect with an error (too long, two organizations).
        expect([200, 303]).toContain(page.status);
        if (page.status === 303) {
          expect(new URL(page.headers.location).searchParams.get('error')).toBe('invalid_request');
          return;
        }
        const answer = await browser.submit(page, '/interaction/sign-in', {
          email,
          password: right ? member.password : 'wrong-password',
        });
        // A redirect (a code, or invalid_request), the consent page, or the sign-in page again.
        expect([200, 303, 400]).toContain(answer.status);
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(120) },
    );
  }, 240_000);
});

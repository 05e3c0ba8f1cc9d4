import fc from 'fast-check';
import { aClient, aUser, signIn, TestUser } from '../../factories';
import { fieldName, fuzzRuns, nastyString, percentEncode } from '../../support/fuzz-arbitraries';
import { closeConnections, RawResponse, send } from '../../support/fuzz-http';
import { FUZZ_ENV, FUZZ_SEED } from '../../support/fuzz-run';
import { Browser, hiddenField, pkcePair } from '../../support/interaction/browser';
import { startTestApp, TestApp } from '../../support/test-app';

const REDIRECT_URI = 'http://127.0.0.1/callback';
/** What a browser route may answer: a page, a redirect, or an error page (a too-large request: 413). */
const BROWSER_STATUSES = [200, 303, 400, 403, 404, 413, 415];
const LEAK_MARKERS = [/QueryFailedError|TypeORMError/, /\bER_[A-Z_]+\b|SQLITE_[A-Z]+/, /\n\s+at [^\n]+[(:]\d+/];

/**
 * Fuzzes the browser routes (fast-check): /oauth/authorize and /oauth/logout with mutated queries, and
 * every form with mutated bodies, half of them carrying a valid CSRF token. No answer is a 5xx, none
 * leaks internals, none reflects markup unescaped, and every redirect goes to a registered URI.
 */
describe('fuzzing the browser routes (fast-check)', () => {
  let server: TestApp;
  let user: TestUser;
  let clientId: string;
  let csrf: { cookie: string; token: string };

  beforeAll(async () => {
    server = await startTestApp(FUZZ_ENV);
    user = await aUser(server);
    const developerToken = await signIn(server, await aUser(server), 'clients:write');
    clientId = (
      await aClient(server, developerToken, {
        confidential: false,
        grant_types: ['authorization_code'],
        scopes: ['openid', 'profile'],
        redirect_uris: [REDIRECT_URI],
        post_logout_redirect_uris: ['http://127.0.0.1/bye'],
      })
    ).client_id;
    const browser = new Browser(server);
    const page = await browser.get(authorizeQuery(validAuthorize()));
    csrf = { cookie: browser.cookieHeader(), token: hiddenField(page.text, '_csrf') };
  });
  afterAll(async () => {
    closeConnections();
    await server.close();
  });

  function validAuthorize(): Record<string, string> {
    return {
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile',
      state: 'fuzz-state',
      nonce: 'fuzz-nonce',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    };
  }
  const authorizeQuery = (parameters: Record<string, string>) =>
    `/oauth/authorize?${new URLSearchParams(parameters).toString()}`;

  // A request line past Node's 16 KiB header limit is refused before the app sees it (and the socket closed).
  const value = nastyString.map((text) => text.slice(0, 600));

  /** Valid pairs, some replaced, dropped, repeated or added with adversarial values. */
  const mutatedPairs = (valid: () => Record<string, string>, known: string[]) =>
    fc
      .tuple(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('set' as const), name: fc.constantFrom(...known), value }),
            fc.record({ kind: fc.constant('drop' as const), name: fc.constantFrom(...known) }),
            fc.record({
              kind: fc.constant('add' as const),
              name: fieldName(known).map((name) => name.slice(0, 600)),
              value,
            }),
          ),
          { maxLength: 4 },
        ),
        fc.constant(null).map(() => valid()),
      )
      .map(([changes, base]) => {
        const pairs: [string, string][] = Object.entries(base);
        for (const change of changes) {
          const at = pairs.findIndex(([name]) => name === change.name);
          if (change.kind === 'add') pairs.push([change.name, change.value]);
          else if (change.kind === 'drop' && at >= 0) pairs.splice(at, 1);
          else if (change.kind === 'set' && at >= 0) pairs[at] = [change.name, change.value];
        }
        return pairs;
      });

  const encode = (pairs: [string, string][]) =>
    pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');

  /** The values a response must never show unescaped: whatever the request sent that holds markup. */
  function violation(sent: string[], response: RawResponse, allowedRedirects: string[]): string | undefined {
    if (!BROWSER_STATUSES.includes(response.status)) return `status ${response.status}`;
    for (const marker of LEAK_MARKERS) if (marker.test(response.text)) return `leak ${String(marker)}`;
    const markup = sent.find((value) => /[<>"]/.test(value) && value.length >= 2 && response.text.includes(value));
    if (markup !== undefined) return `reflected unescaped: ${markup.slice(0, 80)}`;
    if (response.status === 303) {
      const location = String(response.headers.location);
      if (!allowedRedirects.some((uri) => location.startsWith(`${uri}?`) || location === uri)) {
        return `redirect to ${location.slice(0, 200)}`;
      }
    }
    if (response.status !== 303 && response.headers['x-frame-options'] !== 'DENY') return 'a frameable page';
    return undefined;
  }

  const check = (path: string, init: { method: string; body?: string; headers?: Record<string, string> }) =>
    send(server.url, {
      method: init.method,
      path,
      headers: init.headers ?? {},
      ...(init.body !== undefined ? { body: Buffer.from(init.body) } : {}),
    });

  it('GET /oauth/authorize with mutated queries', async () => {
    const known = [...Object.keys(validAuthorize()), 'prompt', 'max_age', 'login_hint', 'request', 'response_mode'];
    const tally: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(mutatedPairs(validAuthorize, known), async (pairs) => {
        const response = await check(`/oauth/authorize?${encode(pairs)}`, { method: 'GET' });
        tally[response.status] = (tally[response.status] ?? 0) + 1;
        const problem = violation(pairs.flat(), response, [REDIRECT_URI]);
        if (problem) throw new Error(`${problem}: ${encode(pairs).slice(0, 400)}`);
      }),
      { numRuns: fuzzRuns(300), seed: FUZZ_SEED },
    );
    expect(tally[200]).toBeGreaterThan(0);
    expect(tally[303]).toBeGreaterThan(0);
    expect(tally[400]).toBeGreaterThan(0);
  }, 180_000);

  it('GET /oauth/logout with mutated queries', async () => {
    const valid = () => ({ client_id: clientId, post_logout_redirect_uri: 'http://127.0.0.1/bye', state: 'x' });
    const known = ['client_id', 'post_logout_redirect_uri', 'state', 'id_token_hint'];
    await fc.assert(
      fc.asyncProperty(mutatedPairs(valid, known), async (pairs) => {
        const response = await check(`/oauth/logout?${encode(pairs)}`, { method: 'GET' });
        const problem = violation(pairs.flat(), response, ['http://127.0.0.1/bye']);
        if (problem) throw new Error(`${problem}: ${encode(pairs).slice(0, 400)}`);
      }),
      { numRuns: fuzzRuns(200), seed: FUZZ_SEED },
    );
  }, 180_000);

  it.each([
    ['/interaction/sign-in', ['authorization_request', 'email', 'password']],
    ['/interaction/consent', ['authorization_request', 'decision']],
    ['/interaction/logout', ['logout_request']],
    ['/account/reset-password', ['token', 'password']],
    ['/account/verify-email', ['token']],
  ])(
    'POST %s with mutated forms, with and without the CSRF token',
    async (path, fields) => {
      const valid = (): Record<string, string> => ({
        authorization_request: authorizeQuery(validAuthorize()).split('?')[1],
        email: user.email,
        password: user.password,
        decision: 'allow',
        logout_request: `client_id=${clientId}`,
        token: 'a-token-from-a-mail',
      });
      const pick = () => Object.fromEntries(Object.entries(valid()).filter(([name]) => fields.includes(name)));
      await fc.assert(
        fc.asyncProperty(
          mutatedPairs(pick, [...fields, '_csrf']),
          fc.boolean(),
          fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', undefined),
          async (pairs, withCsrf, contentType) => {
            const body = encode(withCsrf ? [['_csrf', csrf.token], ...pairs] : pairs);
            const response = await check(path, {
              method: 'POST',
              body,
              headers: { ...(contentType ? { 'content-type': contentType } : {}), cookie: csrf.cookie },
            });
            const problem = violation(pairs.flat(), response, [REDIRECT_URI]);
            if (problem) throw new Error(`${problem}: ${body.slice(0, 400)}`);
          },
        ),
        { numRuns: fuzzRuns(150), seed: FUZZ_SEED },
      );
    },
    180_000,
  );
});

import fc from 'fast-check';
import { sendRaw } from '../support/raw-socket';
import { startTestApp, TestApp } from '../support/test-app';

const FORM = 'application/x-www-form-urlencoded';
const CLIENT_CREDENTIALS = 'grant_type=client_credentials&client_id=nobody&client_secret=wrong';

let nextAddress = 1;
const anAddress = (): string => `198.51.100.${nextAddress++}`;

/** A spelling of a path with some characters percent-encoded (either hex case), as RFC 3986 §2.1 allows. */
const percentEncodedVariant = (path: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      ...[...path].map((char) =>
        char === '/'
          ? fc.constant(char)
          : fc.constantFrom(
              char,
              `%${char.charCodeAt(0).toString(16)}`,
              `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
            ),
      ),
    )
    .map((chars) => chars.join(''))
    .filter((variant) => variant !== path);

/** Percent-encoding and case changes together: such a target reaches the route's handler or none. */
const anyVariant = (path: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      ...[...path].map((char) =>
        char === '/'
          ? fc.constant(char)
          : fc.constantFrom(char, char.toUpperCase(), `%${char.charCodeAt(0).toString(16)}`),
      ),
    )
    .map((chars) => chars.join(''));

// Issue #10 item 2: the rate limits, the OAuth error shape and the content-type rule read the raw URL.
describe('what a path decides is decided on the matched route, not on the raw target (issue #10 item 2)', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({
      TRUST_PROXY: 'true',
      RATE_LIMIT_OAUTH_PER_ADDRESS: '3',
      RATE_LIMIT_OAUTH_PER_CLIENT: '100000',
      RATE_LIMIT_SIGNUP_PER_ADDRESS: '2',
      RATE_LIMIT_PORTAL_PER_ADDRESS: '2',
      RATE_LIMIT_WINDOW_SECONDS: '120',
    });
  });
  afterAll(() => server.close());

  const tokenRequest = (target: string, address: string, headers: Record<string, string> = {}) =>
    sendRaw(server.url, {
      method: 'POST',
      target,
      headers: { 'content-type': FORM, 'x-forwarded-for': address, ...headers },
      body: CLIENT_CREDENTIALS,
    });

  it('throttles a percent-encoded token endpoint like /oauth/token, in the OAuth error shape', async () => {
    const address = anAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) statuses.push((await tokenRequest('/%6fauth/token', address)).status);
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await tokenRequest('/%6Fauth/%74oken', address);
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.body)).toEqual({
      error: 'temporarily_unavailable',
      error_description: expect.any(String) as string,
    });
    expect(limited.headers['cache-control']).toBe('no-store');
    expect((await tokenRequest('/oauth/token', address)).status).toBe(429);
  });

  it('throttles an absolute-form target (RFC 9112 §3.2.2) like its path', async () => {
    const address = anAddress();
    const absolute = `${server.url}/oauth/token`;
    for (let attempt = 0; attempt < 3; attempt++) expect((await tokenRequest(absolute, address)).status).toBe(401);
    expect((await tokenRequest(absolute, address)).status).toBe(429);

    const signUpAddress = anAddress();
    const signUp = () =>
      sendRaw(server.url, {
        method: 'POST',
        target: `${server.url}/%75sers`,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': signUpAddress },
        body: '{}',
      });
    expect([(await signUp()).status, (await signUp()).status]).toEqual([400, 400]);
    expect((await signUp()).status).toBe(429);
  });

  it('throttles a percent-encoded portal path', async () => {
    const address = anAddress();
    const portal = () =>
      sendRaw(server.url, { method: 'GET', target: '/%63lients', headers: { 'x-forwarded-for': address } });
    expect([(await portal()).status, (await portal()).status]).toEqual([401, 401]);
    expect((await portal()).status).toBe(429);
  });

  it('applies the OAuth content-type rule, error shape and no-store to encoded targets', async () => {
    const response = await sendRaw(server.url, {
      method: 'POST',
      target: '/%6fauth/token',
      headers: { 'content-type': 'text/plain', 'x-forwarded-for': anAddress() },
      body: CLIENT_CREDENTIALS,
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'invalid_request' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('applies the OAuth body limit to encoded targets', async () => {
    const response = await sendRaw(server.url, {
      method: 'POST',
      target: '/%6fauth/token',
      headers: { 'content-type': FORM, 'x-forwarded-for': anAddress() },
      body: `grant_type=client_credentials&padding=${'a'.repeat(100 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'invalid_request' });
  });

  it('counts any percent-encoding of the path in the route’s one bucket (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(percentEncodedVariant('/oauth/token'), { minLength: 3, maxLength: 3 }),
        async (variants) => {
          const address = anAddress();
          for (const variant of variants) expect((await tokenRequest(variant, address)).status).toBe(401);
          expect((await tokenRequest('/oauth/token', address)).status).toBe(429);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('never lets a case or encoding variant reach the handler past the limit (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(anyVariant('/oauth/token'), async (variant) => {
        const address = anAddress();
        for (let attempt = 0; attempt < 3; attempt++) await tokenRequest('/oauth/token', address);
        // 404: the variant matches no route (paths are case-sensitive); anything routed is throttled.
        expect([404, 429]).toContain((await tokenRequest(variant, address)).status);
      }),
      { numRuns: 20 },
    );
  });
});

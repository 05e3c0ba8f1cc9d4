import { decodeJwt } from 'jose';
import type { Response } from 'supertest';
import { signCompactJws } from '../../../src/tokens/keys/jws';
import { SigningKeysService } from '../../../src/tokens/keys/signing-keys.service';
import { aClient, aUser, signIn, TestUser } from '../../factories';
import { Browser } from '../../support/interaction/browser';
import { authorizePath, codeFlowTokens } from '../../support/interaction/code-flow';
import { startTestApp, TestApp } from '../../support/test-app';

const REDIRECT_URI = 'http://127.0.0.1/callback';
const SIGNED_OUT_URI = 'http://127.0.0.1/signed-out';
const SESSION_COOKIE = '__Host-session';

describe('RP-Initiated Logout (GET /oauth/logout)', () => {
  let server: TestApp;
  let user: TestUser;
  let clientId: string;
  let otherClientId: string;

  beforeAll(async () => {
    server = await startTestApp();
    user = await aUser(server);
    const developerToken = await signIn(server, await aUser(server), 'clients:write');
    const codeClient = (postLogoutUri: string) => ({
      confidential: false,
      grant_types: ['authorization_code', 'refresh_token'],
      scopes: ['openid', 'profile'],
      redirect_uris: [REDIRECT_URI],
      post_logout_redirect_uris: [postLogoutUri],
    });
    clientId = (await aClient(server, developerToken, codeClient(SIGNED_OUT_URI))).client_id;
    otherClientId = (await aClient(server, developerToken, codeClient('https://other.example/bye'))).client_id;
  });
  afterAll(() => server.close());

  async function signedInBrowser(): Promise<{ browser: Browser; idToken: string; accessToken: string }> {
    const browser = new Browser(server);
    const tokens = await codeFlowTokens(server, browser, user, clientId, REDIRECT_URI);
    expect(browser.hasCookie(SESSION_COOKIE)).toBe(true);
    return { browser, idToken: tokens.id_token, accessToken: tokens.access_token };
  }

  const logoutPath = (parameters: Record<string, string>) =>
    `/oauth/logout?${new URLSearchParams(parameters).toString()}`;

  /** Whether the browser's session still signs it in: an authorization with prompt=none gets a code. */
  async function stillSignedIn(browser: Browser): Promise<boolean> {
    const response = await browser.get(authorizePath(clientId, REDIRECT_URI, { prompt: 'none' }));
    return new URL(response.headers.location).searchParams.has('code');
  }

  function expectSignedOutPage(response: Response): void {
    expect(response.status).toBe(200);
    expect(response.headers.location).toBeUndefined();
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('You are signed out.');
  }

  it('with the session’s ID token: ends the session at once and redirects to the registered URI with state', async () => {
    const { browser, idToken } = await signedInBrowser();
    const response = await browser.get(
      logoutPath({ id_token_hint: idToken, post_logout_redirect_uri: SIGNED_OUT_URI, state: 'bye-1' }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${SIGNED_OUT_URI}?state=bye-1`);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(browser.hasCookie(SESSION_COOKIE)).toBe(false);
    expect(await stillSignedIn(browser)).toBe(false);
  });

  it('the session ends on the server too: the old cookie no longer signs in', async () => {
    const { browser, idToken } = await signedInBrowser();
    const stolenCookie = browser.cookieHeader();
    await browser.get(logoutPath({ id_token_hint: idToken }));
    const replay = await server.http
      .get(authorizePath(clientId, REDIRECT_URI, { prompt: 'none' }))
      .set('Cookie', stolenCookie);
    expect(new URL(replay.headers.location).searchParams.get('error')).toBe('login_required');
  });

  it('accepts an expired ID token of this server as the hint (RP-Initiated Logout 1.0 §2)', async () => {
    const { browser, idToken } = await signedInBrowser();
    const claims = decodeJwt(idToken);
    const key = server.app.get(SigningKeysService).current();
    const expired = await signCompactJws(
      { alg: key.alg, typ: 'JWT', kid: key.kid },
      { ...claims, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 },
      key.privateKey,
    );
    const response = await browser.get(
      logoutPath({ id_token_hint: expired, post_logout_redirect_uri: SIGNED_OUT_URI }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(SIGNED_OUT_URI);
    expect(await stillSignedIn(browser)).toBe(false);
  });

  it('without a post_logout_redirect_uri: the signed-out page', async () => {
    const { browser, idToken } = await signedInBrowser();
    expectSignedOutPage(await browser.get(logoutPath({ id_token_hint: idToken })));
    expect(await stillSignedIn(browser)).toBe(false);
  });

  it.each([
    ['an unregistered URI', { post_logout_redirect_uri: 'https://evil.example/' }, 'not registered'],
    ['a registered URI with a trailing slash', { post_logout_redirect_uri: `${SIGNED_OUT_URI}/` }, 'not registered'],
    ['another client’s URI', { post_logout_redirect_uri: 'https://other.example/bye' }, 'not registered'],
  ])('never redirects to %s: signs out and says why', async (_case, parameters, reason) => {
    const { browser, idToken } = await signedInBrowser();
    const response = await browser.get(logoutPath({ id_token_hint: idToken, ...parameters }));
    expectSignedOutPage(response);
    expect(response.text).toContain(reason);
    expect(await stillSignedIn(browser)).toBe(false);
  });

  it('a client_id that is not the ID token’s audience: no redirect', async () => {
    const { browser, idToken } = await signedInBrowser();
    const response = await browser.get(
      logoutPath({ id_token_hint: idToken, client_id: otherClientId, post_logout_redirect_uri: SIGNED_OUT_URI }),
    );
    expectSignedOutPage(response);
    expect(response.text).toContain('not the audience');
  });

  describe('without a proof that the logout comes from this session: the user confirms', () => {
    it('asks, and signs out and redirects only after the confirmation', async () => {
      const { browser } = await signedInBrowser();
      const page = await browser.get(
        logoutPath({ client_id: clientId, post_logout_redirect_uri: SIGNED_OUT_URI, state: 'bye-2' }),
      );
      expect(page.status).toBe(200);
      expect(page.text).toContain('Sign out?');
      expect(page.headers['content-security-policy']).toContain("form-action 'self' http://127.0.0.1");
      expect(await stillSignedIn(browser)).toBe(true);
      const confirmed = await browser.submit(page, '/interaction/logout', {});
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.location).toBe(`${SIGNED_OUT_URI}?state=bye-2`);
      expect(await stillSignedIn(browser)).toBe(false);
    });

    it.each([
      ['a tampered ID token', (idToken: string) => `${idToken.slice(0, -4)}AAAA`],
      ['an access token', (_idToken: string, accessToken: string) => accessToken],
      ['garbage', () => 'not-a-jwt'],
    ])('%s as id_token_hint is no proof, and allows no redirect', async (_case, hintOf) => {
      const { browser, idToken, accessToken } = await signedInBrowser();
      const page = await browser.get(
        logoutPath({ id_token_hint: hintOf(idToken, accessToken), post_logout_redirect_uri: SIGNED_OUT_URI }),
      );
      expect(page.text).toContain('Sign out?');
      const confirmed = await browser.submit(page, '/interaction/logout', {});
      expectSignedOutPage(confirmed);
      expect(confirmed.text).toContain('not a valid ID token');
    });

    it('the ID token of another user’s session is no proof either', async () => {
      const { browser } = await signedInBrowser();
      const someoneElse = await codeFlowTokens(
        server,
        new Browser(server),
        await aUser(server),
        clientId,
        REDIRECT_URI,
      );
      const page = await browser.get(logoutPath({ id_token_hint: someoneElse.id_token }));
      expect(page.text).toContain('Sign out?');
      expect(await stillSignedIn(browser)).toBe(true);
    });

    it('refuses the confirmation without its CSRF token and keeps the session', async () => {
      const { browser } = await signedInBrowser();
      const page = await browser.get(logoutPath({ client_id: clientId }));
      const forged = await browser.submit(page, '/interaction/logout', { _csrf: 'forged' });
      expect(forged.status).toBe(403);
      expect(await stillSignedIn(browser)).toBe(true);
    });
  });

  it('without a session: nothing to confirm, the registered redirect or the signed-out page', async () => {
    const browser = new Browser(server);
    expectSignedOutPage(await browser.get('/oauth/logout'));
    const redirected = await browser.get(logoutPath({ client_id: clientId, post_logout_redirect_uri: SIGNED_OUT_URI }));
    expect(redirected.headers.location).toBe(SIGNED_OUT_URI);
    const unknown = await browser.get(
      logoutPath({ client_id: 'no-such-app', post_logout_redirect_uri: SIGNED_OUT_URI }),
    );
    expectSignedOutPage(unknown);
    expect(unknown.text).toContain('unknown');
  });

  it('escapes what it shows and refuses a repeated parameter', async () => {
    const browser = new Browser(server);
    const response = await browser.get(
      `${logoutPath({ client_id: clientId, post_logout_redirect_uri: SIGNED_OUT_URI })}&client_id=<b>x</b>`,
    );
    expectSignedOutPage(response);
    expect(response.text).toContain('repeated');
    expect(response.text).not.toContain('<b>x</b>');
  });
});

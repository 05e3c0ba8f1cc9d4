import * as oidc from 'openid-client';
import { aClient, aUser, signIn, TestUser } from '../../factories';
import { Browser } from '../../support/interaction/browser';
import { startTestApp, TEST_ISSUER, TestApp } from '../../support/test-app';

const REDIRECT_URI = 'http://127.0.0.1:8765/callback';

/**
 * openid-client (v6) as a public relying party of the code flow: it builds the authorization request
 * with PKCE, state and nonce, and checks the callback (state, RFC 9207 iss) and the ID token (signature
 * with enableNonRepudiationChecks, nonce, auth_time). The pages in between are driven over plain HTTP.
 */
describe('the authorization code flow with openid-client as the relying party', () => {
  let server: TestApp;
  let user: TestUser;
  let relyingParty: oidc.Configuration;
  let clientId: string;

  beforeAll(async () => {
    server = await startTestApp();
    user = await aUser(server, { name: 'Dorothy Vaughan' });
    const developerToken = await signIn(server, await aUser(server), 'clients:write');
    clientId = (
      await aClient(server, developerToken, {
        confidential: false,
        grant_types: ['authorization_code', 'refresh_token'],
        scopes: ['openid', 'profile', 'email'],
        redirect_uris: [REDIRECT_URI],
      })
    ).client_id;
    const toTestServer: oidc.CustomFetch = (url, options) => fetch(url.replace(TEST_ISSUER, server.url), options);
    relyingParty = await oidc.discovery(new URL(TEST_ISSUER), clientId, { require_auth_time: true }, oidc.None(), {
      [oidc.customFetch]: toTestServer,
      execute: [oidc.enableNonRepudiationChecks],
    });
  });
  afterAll(() => server.close());

  /** Runs the browser part: the sign-in form, the consent form, and returns the callback URL. */
  async function callbackFor(browser: Browser, authorizationUrl: URL): Promise<URL> {
    let response = await browser.get(authorizationUrl.href.replace(TEST_ISSUER, ''));
    if (response.text.includes('name="password"')) {
      response = await browser.submit(response, '/interaction/sign-in', { email: user.email, password: user.password });
    }
    if (response.status === 200)
      response = await browser.submit(response, '/interaction/consent', { decision: 'allow' });
    expect(response.status).toBe(303);
    return new URL(response.headers.location);
  }

  async function authorize(browser: Browser, extra: Record<string, string> = {}) {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(relyingParty, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile email',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...extra,
    });
    const callback = await callbackFor(browser, url);
    return oidc.authorizationCodeGrant(relyingParty, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
  }

  it('signs in through the pages and gets a validated ID token with nonce, sid and auth_time', async () => {
    const before = Math.floor(Date.now() / 1000);
    const tokens = await authorize(new Browser(server));
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({
      iss: TEST_ISSUER,
      sub: user.id,
      aud: clientId,
      name: 'Dorothy Vaughan',
      email: user.email,
      amr: ['pwd'],
    });
    expect(claims.sid).toEqual(expect.any(String));
    expect(claims.auth_time).toBeGreaterThanOrEqual(before - 1);
    const info = await oidc.fetchUserInfo(relyingParty, tokens.access_token, user.id);
    expect(info).toMatchObject({ sub: user.id, email: user.email });
  });

  it('single sign-on: a second authorization reuses the session, with the same sid and auth_time', async () => {
    const browser = new Browser(server);
    const first = (await authorize(browser)).claims()!;
    const second = (await authorize(browser)).claims()!;
    expect(second.sid).toBe(first.sid);
    expect(second.auth_time).toBe(first.auth_time);
  });

  it('refresh keeps sub, sid and auth_time', async () => {
    const tokens = await authorize(new Browser(server));
    const refreshed = await oidc.refreshTokenGrant(relyingParty, tokens.refresh_token!);
    expect(refreshed.claims()).toMatchObject({
      sub: user.id,
      sid: tokens.claims()!.sid,
      auth_time: tokens.claims()!.auth_time,
    });
  });

  it('the relying party rejects a callback whose state was tampered with', async () => {
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(relyingParty, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'the-real-state',
    });
    const callback = await callbackFor(new Browser(server), url);
    await expect(
      oidc.authorizationCodeGrant(relyingParty, callback, { pkceCodeVerifier: verifier, expectedState: 'another' }),
    ).rejects.toThrow('invalid response encountered');
  });
});

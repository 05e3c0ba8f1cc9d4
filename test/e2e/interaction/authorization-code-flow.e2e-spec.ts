import { decodeJwt } from 'jose';
import type { Response } from 'supertest';
import { sha256Hex } from '../../../src/common/crypto/secrets';
import { AuthorizationCode } from '../../../src/interaction/codes/authorization-code.entity';
import { aClient, aUser, signIn, TestUser } from '../../factories';
import { Browser, pkcePair } from '../../support/interaction/browser';
import { startTestApp, TEST_ISSUER, TestApp } from '../../support/test-app';

const REDIRECT_URI = 'http://127.0.0.1/callback';

describe('Authorization code flow with PKCE (/oauth/authorize, sign-in, consent, code grant)', () => {
  let server: TestApp;
  let user: TestUser;
  let clientId: string;
  let otherClientId: string;

  beforeAll(async () => {
    server = await startTestApp();
    user = await aUser(server);
    const developerToken = await signIn(server, await aUser(server), 'clients:write');
    const codeClient = {
      confidential: false,
      grant_types: ['authorization_code', 'refresh_token'],
      scopes: ['openid', 'profile', 'email', 'contacts.read'],
      redirect_uris: [REDIRECT_URI, 'https://app.example.com/cb'],
    };
    clientId = (await aClient(server, developerToken, codeClient)).client_id;
    otherClientId = (await aClient(server, developerToken, codeClient)).client_id;
  });
  afterAll(() => server.close());

  function authorizePath(overrides: Record<string, string | undefined> = {}, challenge = pkcePair().challenge): string {
    const parameters = {
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile',
      state: 'state-123',
      nonce: 'nonce-456',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...overrides,
    };
    const defined = Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined);
    return `/oauth/authorize?${new URLSearchParams(defined).toString()}`;
  }

  function redirectParameters(response: Response): URLSearchParams {
    expect(response.status).toBe(303);
    return new URL(response.headers.location).searchParams;
  }

  async function signInThroughForm(browser: Browser, path: string): Promise<Response> {
    const page = await browser.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Sign in');
    return browser.submit(page, '/interaction/sign-in', { email: user.email, password: user.password });
  }

  /** Signs in and allows, returning the code the client received. */
  async function codeFor(browser: Browser, challenge: string, overrides: Record<string, string> = {}): Promise<string> {
    let response = await signInThroughForm(browser, authorizePath(overrides, challenge));
    if (response.status === 200)
      response = await browser.submit(response, '/interaction/consent', { decision: 'allow' });
    return redirectParameters(response).get('code') as string;
  }

  const exchange = (code: string, verifier: string, client = clientId, redirectUri = REDIRECT_URI) =>
    server.http.post('/oauth/token').type('form').send({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      client_id: client,
    });

  it('signs in, asks consent with the scopes, redirects with code, state and iss, and the code buys tokens', async () => {
    const browser = new Browser(server);
    const { verifier, challenge } = pkcePair();
    const consent = await signInThroughForm(browser, authorizePath({}, challenge));
    expect(consent.status).toBe(200);
    expect(consent.text).toContain('Allow');
    expect(consent.text).toContain('Deny');
    expect(consent.text).toContain('openid');
    expect(consent.headers['content-security-policy']).toContain('form-action');
    expect(browser.hasCookie('__Host-session')).toBe(true);
    const redirect = redirectParameters(await browser.submit(consent, '/interaction/consent', { decision: 'allow' }));
    expect(redirect.get('state')).toBe('state-123');
    expect(redirect.get('iss')).toBe(TEST_ISSUER);

    const tokens = await exchange(redirect.get('code') as string, verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', scope: 'openid profile' });
    expect(tokens.body.refresh_token).toEqual(expect.any(String));
    const idToken = decodeJwt(tokens.body.id_token as string);
    expect(idToken).toMatchObject({ sub: user.id, aud: clientId, nonce: 'nonce-456', amr: ['pwd'] });
    expect(idToken.sid).toEqual(expect.any(String));
  });

  it('signs in once: a second authorization with the session and the remembered consent redirects at once', async () => {
    const browser = new Browser(server);
    await codeFor(browser, pkcePair().challenge);
    const { verifier, challenge } = pkcePair();
    const again = redirectParameters(await browser.get(authorizePath({}, challenge)));
    expect((await exchange(again.get('code') as string, verifier)).status).toBe(200);
  });

  it('honours prompt: none without a session, login and consent with one', async () => {
    const anonymous = redirectParameters(await new Browser(server).get(authorizePath({ prompt: 'none' })));
    expect(anonymous.get('error')).toBe('login_required');
    expect(anonymous.get('state')).toBe('state-123');
    expect(anonymous.get('iss')).toBe(TEST_ISSUER);

    const browser = new Browser(server);
    await codeFor(browser, pkcePair().challenge);
    expect(redirectParameters(await browser.get(authorizePath({ prompt: 'none' }))).get('code')).toBeTruthy();
    const newScope = redirectParameters(await browser.get(authorizePath({ prompt: 'none', scope: 'openid email' })));
    expect(newScope.get('error')).toBe('consent_required');
    const login = await browser.get(authorizePath({ prompt: 'login' }));
    expect(login.status).toBe(200);
    expect(login.text).toContain('name="password"');
    const consent = await browser.get(authorizePath({ prompt: 'consent' }));
    expect(consent.text).toContain('value="allow"');
    const maxAge = await browser.get(authorizePath({ max_age: '0' }));
    expect(maxAge.text).toContain('name="password"');
  });

  it('redirects with access_denied when the user denies', async () => {
    const browser = new Browser(server);
    const consent = await signInThroughForm(browser, authorizePath({ scope: 'openid contacts.read' }));
    const redirect = redirectParameters(await browser.submit(consent, '/interaction/consent', { decision: 'deny' }));
    expect(redirect.get('error')).toBe('access_denied');
    expect(redirect.get('code')).toBeNull();
  });

  it('lets a loopback IP redirect URI use another port (RFC 8252 §7.3)', async () => {
    const browser = new Browser(server);
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(browser, challenge, { redirect_uri: 'http://127.0.0.1:51234/callback' });
    expect((await exchange(code, verifier, clientId, 'http://127.0.0.1:51234/callback')).status).toBe(200);
  });

  describe('errors that must not redirect: a 400 page', () => {
    it.each([
      ['an unknown client', { client_id: 'no-such-client' }, 'unknown'],
      ['no client', { client_id: undefined }, 'unknown'],
      ['an unregistered redirect URI', { redirect_uri: 'https://evil.example/cb' }, 'not registered'],
      ['a redirect URI differing by a slash', { redirect_uri: `${REDIRECT_URI}/` }, 'not registered'],
      ['no redirect URI', { redirect_uri: undefined }, 'no redirect_uri'],
    ])('%s', async (_case, overrides, message) => {
      const response = await new Browser(server).get(authorizePath(overrides));
      expect(response.status).toBe(400);
      expect(response.headers.location).toBeUndefined();
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.text).toContain(message);
    });
  });

  describe('errors redirected to the client with error, error_description, state and iss', () => {
    it.each([
      ['no code_challenge', { code_challenge: undefined }, 'invalid_request'],
      ['the plain method', { code_challenge_method: 'plain' }, 'invalid_request'],
      ['no method', { code_challenge_method: undefined }, 'invalid_request'],
      ['a malformed challenge', { code_challenge: 'short' }, 'invalid_request'],
      ['response_type token', { response_type: 'token' }, 'unsupported_response_type'],
      ['no response_type', { response_type: undefined }, 'invalid_request'],
      ['an unknown prompt', { prompt: 'select_account' }, 'invalid_request'],
      ['prompt none with login', { prompt: 'none login' }, 'invalid_request'],
      ['a bad max_age', { max_age: '-1' }, 'invalid_request'],
      ['a request object', { request: 'eyJ.x.y' }, 'request_not_supported'],
      ['response_mode fragment', { response_mode: 'fragment' }, 'invalid_request'],
    ])('%s', async (_case, overrides, error) => {
      const parameters = redirectParameters(await new Browser(server).get(authorizePath(overrides)));
      expect(parameters.get('error')).toBe(error);
      expect(parameters.get('error_description')).toEqual(expect.any(String));
      expect(parameters.get('state')).toBe('state-123');
      expect(parameters.get('iss')).toBe(TEST_ISSUER);
    });

    it('a repeated parameter', async () => {
      const response = await new Browser(server).get(`${authorizePath()}&scope=openid`);
      expect(redirectParameters(response).get('error')).toBe('invalid_request');
    });

    it('a scope the client may not have, after sign-in', async () => {
      const response = await signInThroughForm(new Browser(server), authorizePath({ scope: 'openid admin' }));
      expect(redirectParameters(response).get('error')).toBe('invalid_scope');
    });
  });

  describe('the sign-in form', () => {
    it('re-renders with one generic message for a wrong password or an unknown email', async () => {
      for (const credentials of [
        { email: user.email, password: 'wrong-password' },
        { email: 'nobody@example.test', password: 'wrong-password' },
      ]) {
        const browser = new Browser(server);
        const page = await browser.get(authorizePath());
        const response = await browser.submit(page, '/interaction/sign-in', credentials);
        expect(response.status).toBe(400);
        expect(response.text).toContain('The email or password is incorrect.');
        expect(browser.hasCookie('__Host-session')).toBe(false);
      }
    });

    it('refuses a post without its CSRF token with a 403 page', async () => {
      const browser = new Browser(server);
      const page = await browser.get(authorizePath());
      const response = await browser.submit(page, '/interaction/sign-in', {
        _csrf: 'forged',
        email: user.email,
        password: user.password,
      });
      expect(response.status).toBe(403);
      expect(response.text).toContain('The form has expired');
    });

    it('the consent form too: a post without its CSRF token is refused and redirects nowhere', async () => {
      const browser = new Browser(server);
      const consent = await signInThroughForm(browser, authorizePath({ scope: 'openid email' }));
      expect(consent.text).toContain('value="allow"');
      const forged = await browser.submit(consent, '/interaction/consent', { _csrf: 'forged', decision: 'allow' });
      expect(forged.status).toBe(403);
      expect(forged.headers.location).toBeUndefined();
      const again = await browser.get(authorizePath({ prompt: 'none', scope: 'openid email' }));
      expect(redirectParameters(again).get('error')).toBe('consent_required');
    });
  });

  describe('the authorization_code grant', () => {
    it('refuses a second use and revokes what the first issued (RFC 6749 §4.1.2)', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await codeFor(new Browser(server), challenge);
      const first = await exchange(code, verifier);
      expect(first.status).toBe(200);
      const second = await exchange(code, verifier);
      expect(second.status).toBe(400);
      expect(second.body).toMatchObject({ error: 'invalid_grant' });
      const refresh = await server.http.post('/oauth/token').type('form').send({
        grant_type: 'refresh_token',
        refresh_token: first.body.refresh_token,
        client_id: clientId,
      });
      expect(refresh.body).toMatchObject({ error: 'invalid_grant' });
      const introspectable = await server.http.get('/users/me').auth(first.body.access_token, { type: 'bearer' });
      expect(introspectable.status).toBe(401);
    });

    it('refuses a wrong verifier, another client, another redirect URI, an expired code', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await codeFor(new Browser(server), challenge);
      expect((await exchange(code, pkcePair().verifier)).body).toMatchObject({ error: 'invalid_grant' });
      expect((await exchange(code, verifier, otherClientId)).body).toMatchObject({ error: 'invalid_grant' });
      expect((await exchange(code, verifier, clientId, 'https://app.example.com/cb')).body).toMatchObject({
        error: 'invalid_grant',
      });
      expect((await exchange(code, 'short')).body).toMatchObject({ error: 'invalid_request' });

      const late = pkcePair();
      const expiring = await codeFor(new Browser(server), late.challenge);
      await server.dataSource
        .getRepository(AuthorizationCode)
        .update({ codeHash: sha256Hex(expiring) }, { expiresAt: new Date(Date.now() - 1000) });
      expect((await exchange(expiring, late.verifier)).body).toMatchObject({ error: 'invalid_grant' });
    });

    it('still works after the refusals above for the right verifier', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await codeFor(new Browser(server), challenge);
      expect((await exchange(code, pkcePair().verifier)).status).toBe(400);
      expect((await exchange(code, verifier)).status).toBe(200);
    });
  });
});

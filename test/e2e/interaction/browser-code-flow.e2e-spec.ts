import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { aClient, aUser, signIn, TestUser } from '../../factories';
import { freePort } from '../../support/built-server';
import { CHROMIUM, CHROMIUM_ARGS } from '../../support/chromium';
import { pkcePair } from '../../support/interaction/browser';
import { startTestApp, TestApp } from '../../support/test-app';

const ARTIFACTS = join(__dirname, '..', '..', 'artifacts', 'code-flow');

/**
 * A native app's loopback client (RFC 8252 §7.3): it listens on 127.0.0.1 and answers its callback
 * with a page, as a desktop app's local server would.
 */
async function startLoopbackClient(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!DOCTYPE html><title>Loopback app</title><h1>Back in the app</h1><p>${request.url?.length ?? 0}</p>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('the code flow in Chromium: sign-in, consent, loopback redirect, SSO, prompt, logout', () => {
  jest.setTimeout(120_000);

  let server: TestApp;
  let loopback: { server: Server; origin: string };
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let user: TestUser;
  let clientId: string;
  let redirectUri: string;
  let signedOutUri: string;
  const policyViolations: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
    const port = await freePort();
    server = await startTestApp({ ISSUER: `http://127.0.0.1:${port}` }, { port });
    loopback = await startLoopbackClient();
    redirectUri = `${loopback.origin}/callback`;
    signedOutUri = `${loopback.origin}/signed-out`;
    user = await aUser(server);
    const developerToken = await signIn(server, await aUser(server), 'clients:write');
    clientId = (
      await aClient(server, developerToken, {
        name: 'Loopback Desktop App',
        confidential: false,
        grant_types: ['authorization_code', 'refresh_token'],
        scopes: ['openid', 'profile', 'email'],
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [signedOutUri],
      })
    ).client_id;
    profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 900, height: 800 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) policyViolations.push(message.text());
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await new Promise((resolve) => loopback?.server.close(resolve));
    await server?.close();
  });

  afterEach(() => expect(policyViolations).toEqual([]));

  const screenshot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  function authorizeUrl(challenge: string, extra: Record<string, string> = {}): string {
    const parameters = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: 'openid profile email',
      state: 'state-in-chromium',
      nonce: 'nonce-in-chromium',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    });
    return `${server.url}/oauth/authorize?${parameters.toString()}`;
  }

  /** The parameters the loopback client received, once the browser is there. */
  async function callbackParameters(): Promise<URLSearchParams> {
    await page.waitForURL((url) => url.origin === loopback.origin);
    return new URL(page.url()).searchParams;
  }

  async function exchange(code: string, verifier: string) {
    const response = await server.http.post('/oauth/token').type('form').send({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      client_id: clientId,
    });
    expect(response.status).toBe(200);
    return response.body as { access_token: string; id_token: string; refresh_token: string };
  }

  let idToken: string;

  it('signs in on the page, asks consent, redirects to the loopback client, and the code buys tokens', async () => {
    const { verifier, challenge } = pkcePair();
    await page.goto(authorizeUrl(challenge));
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Loopback Desktop App').isVisible()).resolves.toBe(true);
    await screenshot('01-sign-in');

    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').innerText()).resolves.toBe('The email or password is incorrect.');
    await screenshot('02-sign-in-refused');

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Allow access?' }).waitFor();
    await expect(page.locator('ul.scopes').innerText()).resolves.toContain('email');
    await screenshot('03-consent');

    await page.getByRole('button', { name: 'Allow' }).click();
    const parameters = await callbackParameters();
    expect(parameters.get('state')).toBe('state-in-chromium');
    expect(parameters.get('iss')).toBe(server.config.issuer);
    await screenshot('04-loopback-callback');

    const tokens = await exchange(parameters.get('code') as string, verifier);
    idToken = tokens.id_token;
    expect(decodeJwt(idToken)).toMatchObject({ sub: user.id, aud: clientId, nonce: 'nonce-in-chromium' });
  });

  it('signs in once: a second authorization goes straight back to the client', async () => {
    const { verifier, challenge } = pkcePair();
    await page.goto(authorizeUrl(challenge));
    const parameters = await callbackParameters();
    const tokens = await exchange(parameters.get('code') as string, verifier);
    expect(decodeJwt(tokens.id_token).sid).toBe(decodeJwt(idToken).sid);
  });

  it('honours prompt=none, prompt=login and prompt=consent', async () => {
    await page.goto(authorizeUrl(pkcePair().challenge, { prompt: 'none' }));
    expect((await callbackParameters()).get('code')).toBeTruthy();

    await page.goto(authorizeUrl(pkcePair().challenge, { prompt: 'login' }));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot('05-prompt-login');

    await page.goto(authorizeUrl(pkcePair().challenge, { prompt: 'consent' }));
    await page.getByRole('heading', { name: 'Allow access?' }).waitFor();
    await page.getByRole('button', { name: 'Deny' }).click();
    expect((await callbackParameters()).get('error')).toBe('access_denied');
  });

  it('an unregistered redirect URI gets the error page, not a redirect', async () => {
    await page.goto(authorizeUrl(pkcePair().challenge, { redirect_uri: 'https://evil.example/cb' }));
    await expect(page.getByRole('alert').innerText()).resolves.toContain('not registered');
    expect(new URL(page.url()).origin).toBe(server.url);
    await screenshot('06-error-page');
  });

  it('logs out with the ID token back to the registered URI; then prompt=none needs a sign-in', async () => {
    const logout = new URLSearchParams({ id_token_hint: idToken, post_logout_redirect_uri: signedOutUri, state: 's' });
    await page.goto(`${server.url}/oauth/logout?${logout.toString()}`);
    await page.waitForURL(`${signedOutUri}?state=s`);
    await page.goto(authorizeUrl(pkcePair().challenge, { prompt: 'none' }));
    expect((await callbackParameters()).get('error')).toBe('login_required');
  });

  it('without an ID token the logout asks first, then shows the signed-out page', async () => {
    const { challenge } = pkcePair();
    await page.goto(authorizeUrl(challenge));
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await callbackParameters();

    await page.goto(`${server.url}/oauth/logout`);
    await page.getByRole('heading', { name: 'Sign out?' }).waitFor();
    await screenshot('07-logout-confirm');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Signed out' }).waitFor();
    await screenshot('08-signed-out');
    await page.goto(authorizeUrl(pkcePair().challenge, { prompt: 'none' }));
    expect((await callbackParameters()).get('error')).toBe('login_required');
  });

  it('Swagger UI signs in with the authorization-code flow and PKCE through the same page', async () => {
    await page.goto(`${server.url}/docs`);
    await page.locator('.swagger-ui .btn.authorize').first().click();
    const dialog = page.locator('.dialog-ux .auth-container', { hasText: 'authorizationCode' });
    await expect(dialog.locator('#client_id_authorizationCode').inputValue()).resolves.toBe(
      server.config.portalClientId,
    );
    const popupOpened = page.waitForEvent('popup');
    await dialog.locator('.auth-btn-wrapper .btn.authorize').click();
    const popup = await popupOpened;
    await popup.getByLabel('Email').fill(user.email);
    await popup.getByLabel('Password').fill(user.password);
    await popup.screenshot({ path: join(ARTIFACTS, '09-swagger-sign-in.png') });
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await dialog.locator('.auth-btn-wrapper .btn', { hasText: 'Logout' }).waitFor();
    await screenshot('10-swagger-authorized');
  });
});

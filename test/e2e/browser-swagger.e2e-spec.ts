import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { aUser, signIn } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

const ARTIFACTS = join(__dirname, '..', 'artifacts');

describe('Swagger UI in a real browser', () => {
  jest.setTimeout(120_000);

  let server: TestApp;
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
    server = await startTestApp();
    profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 1000 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await server?.close();
  });

  it('signs in with the password flow and registers an app from the page', async () => {
    const user = await aUser(server);

    await page.goto(`${server.url}/docs`);
    await page.locator('.swagger-ui .btn.authorize').first().click();

    // The password flow of the OAuth2 scheme: the portal client and the default scopes are preselected.
    const dialog = page.locator('.dialog-ux .auth-container', { hasText: 'OAuth2, password' });
    await expect(dialog.locator('#client_id_password').inputValue()).resolves.toBe(server.config.portalClientId);
    await expect(dialog.locator('[id="contacts.write-password-checkbox-oauth2"]').isChecked()).resolves.toBe(true);
    await dialog.locator('#oauth_username').fill(user.email);
    await dialog.locator('#oauth_password').fill(user.password);
    // The defaults as a person finds them: the public portal client goes in a Basic header with an empty secret.
    await expect(dialog.locator('#password_type').inputValue()).resolves.toBe('basic');
    await dialog.locator('.auth-btn-wrapper .btn.authorize').click();
    await dialog.locator('.auth-btn-wrapper .btn', { hasText: 'Logout' }).waitFor();
    await dialog.locator('.btn-done').click();

    // POST /clients, "Try it out", a body of our own, Execute.
    const operation = page.locator('.opblock.opblock-post', {
      has: page.locator('.opblock-summary-path[data-path="/clients"]'),
    });
    await operation.locator('.opblock-summary').click();
    await operation.locator('.try-out__btn').click();
    await operation.locator('textarea.body-param__text').fill(JSON.stringify({ name: 'Made in Swagger UI' }));
    await operation.locator('.btn.execute').click();

    const response = operation.locator('.live-responses-table .response');
    await expect(response.locator('.response-col_status').innerText()).resolves.toMatch(/^201/);
    const rendered = await response.locator('.response-col_description pre.microlight').first().innerText();
    const { client_id: clientId, name } = JSON.parse(rendered) as { client_id: string; name: string };
    expect(name).toBe('Made in Swagger UI');

    mkdirSync(ARTIFACTS, { recursive: true });
    await response.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'swagger-register-client.png'), fullPage: false });

    // The app the page registered belongs to the user who signed in there.
    const token = await signIn(server, user, 'clients:read');
    const mine = await server.http.get('/clients').auth(token, { type: 'bearer' });
    expect(JSON.stringify(mine.body)).toContain(clientId);

    // The authorization survives a reload (persistAuthorization).
    await page.reload();
    await page.locator('.swagger-ui .btn.authorize.locked').first().waitFor();
  });
});

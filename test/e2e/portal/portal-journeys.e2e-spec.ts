import { aUser, HARNESS_ADMIN, signIn, type TestUser } from '../../factories';
import { usePortalSession } from './portal-session';

/** The portal in Chromium against the real server: what a person does, checked through the API too. */
describe('the portal in a browser', () => {
  jest.setTimeout(120_000);
  const portal = usePortalSession({
    BRUTE_FORCE_FREE_ATTEMPTS: '0',
    BRUTE_FORCE_BASE_DELAY_MS: '0',
    BRUTE_FORCE_LOCK_AFTER: '3',
  });
  const signInThroughPortal = (user: { email: string; password: string }) => portal.signInThroughPortal(user);
  const checkPage = (name: string) => portal.checkPage(name);

  const clientCredentialsStatus = async (clientId: string, secret: string): Promise<number> =>
    (
      await portal.server.http
        .post('/oauth/token')
        .auth(clientId, secret)
        .type('form')
        .send({ grant_type: 'client_credentials' })
    ).status;

  it('a developer signs in, creates an app and reads its secret once, tries a token, rotates and deletes', async () => {
    const { page, server } = portal;
    const developer = await aUser(server);
    await signInThroughPortal(developer);
    await page.getByText('No apps yet').waitFor();
    await checkPage('my-apps-empty');

    await page.getByRole('link', { name: 'New application' }).click();
    await page.getByLabel('Name').fill('Journey app');
    await page.getByLabel('contacts.read').check();
    await checkPage('new-application');
    await page.getByRole('button', { name: 'Create' }).click();

    const clientId = await page.getByLabel('Client ID', { exact: true }).innerText();
    const secret = await page.getByLabel('Client secret', { exact: true }).innerText();
    await page.getByText('will not be shown again').waitFor();
    await checkPage('application-created');
    expect(await clientCredentialsStatus(clientId, secret)).toBe(200);

    await page.getByRole('link', { name: 'Go to the app' }).click();
    await page.getByRole('button', { name: 'Generate token' }).waitFor();
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('button', { name: 'Generate token' }).click();
    const token = await page.getByLabel('Access token', { exact: true }).innerText();
    await page.getByText('Try it with curl').waitFor();
    await checkPage('application');
    // The token is genuine: /api/contacts knows it, and says a client token has no user to act for.
    const contacts = await server.http.get('/api/contacts').auth(token, { type: 'bearer' });
    expect(contacts.status).toBe(403);
    expect(contacts.headers['www-authenticate']).toContain('insufficient_scope');

    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate' }).click();
    const rotated = await page.locator('pre[aria-label="Client secret"]').innerText();
    expect(rotated).not.toBe(secret);
    expect(await clientCredentialsStatus(clientId, secret)).toBe(401);
    expect(await clientCredentialsStatus(clientId, rotated)).toBe(200);

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete the app' }).click();
    await page.getByText('No apps yet').waitFor();
    expect(await clientCredentialsStatus(clientId, rotated)).toBe(401);

    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await checkPage('my-account');
    await expect(page.getByText('Admin', { exact: true }).count()).resolves.toBe(0);
  });

  it('a non-admin never sees the Admin section, and the API answers 403 when forced', async () => {
    const { page, server } = portal;
    const person = await aUser(server);
    await signInThroughPortal(person);
    await expect(page.getByRole('link', { name: 'Users' }).count()).resolves.toBe(0);
    await page.goto(`${server.url}/portal/admin/users`);
    await page.getByText('Page not found').waitFor();
    await checkPage('not-found');

    const token = await signIn(server, person, 'profile');
    expect((await server.http.get('/admin/users').auth(token, { type: 'bearer' })).status).toBe(403);
  });

  it('an admin disables one user and lifts another user’s lockout', async () => {
    const { page, server } = portal;
    const disabled = await aUser(server);
    const locked: TestUser = await aUser(server);
    for (let attempt = 0; attempt < 3; attempt++) {
      await server.http.post('/oauth/token').type('form').send({
        grant_type: 'password',
        client_id: server.config.portalClientId,
        username: locked.email,
        password: 'wrong password, again',
      });
    }
    await signInThroughPortal(HARNESS_ADMIN);
    await page.getByRole('link', { name: 'Users' }).click();

    await page.getByLabel('Search by email').fill(disabled.email);
    await page.getByRole('button', { name: `Disable ${disabled.email}` }).click();
    await page.getByRole('button', { name: `Enable ${disabled.email}` }).waitFor();
    await expect(signIn(server, disabled)).rejects.toThrow(/invalid_grant/);

    await page.getByLabel('Search by email').fill(locked.email);
    await page.getByRole('button', { name: `Unlock ${locked.email}` }).click();
    await page.getByRole('button', { name: `Unlock ${locked.email}` }).waitFor({ state: 'detached' });
    await expect(signIn(server, locked)).resolves.toEqual(expect.any(String));
    await checkPage('admin-users');

    for (const [link, heading, name] of [
      ['Clients', 'Clients', 'admin-clients'],
      ['Scopes', 'Scopes', 'admin-scopes'],
      ['Audit log', 'Audit log', 'admin-audit'],
      ['Signing keys', 'Signing keys', 'admin-keys'],
    ]) {
      await page.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
      await page.locator('table:visible, .mantine-EmptyState-root:visible, main button:visible').first().waitFor();
      await checkPage(name);
    }
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { aClient, aUser, HARNESS_ADMIN, anAdmin, signIn } from '../../factories';
import { anIdentityProvider, ID_TOKEN_TYPE, KEY_ENCRYPTION_SECRET } from '../../support/federation-fixtures';
import {
  MOBILE_APP_CLIENT_ID,
  startTestOpenIdProvider,
  type TestOpenIdProvider,
} from '../../support/test-openid-provider';
import { usePortalSession } from './portal-session';

/** My account and the identity providers behind it, in Chromium, with a real OpenID provider. */
describe('my account, its identities and consents, and identity providers in the portal', () => {
  jest.setTimeout(120_000);
  const portal = usePortalSession({ KEY_ENCRYPTION_SECRET, IDP_HTTP_TIMEOUT_MS: '5000' });
  let op: TestOpenIdProvider;

  beforeAll(async () => {
    op = await startTestOpenIdProvider();
  });
  afterAll(async () => {
    await op?.close();
  });

  const providerFromApi = async (alias: string) => {
    const adminToken = await signIn(portal.server, await anAdmin(portal.server), 'admin');
    return portal.server.http.get(`/admin/identity-providers/${alias}`).auth(adminToken, { type: 'bearer' });
  };

  it('an admin adds an identity provider, edits it and deletes it', async () => {
    const { page } = portal;
    await portal.signInThroughPortal(HARNESS_ADMIN);
    await page.getByRole('link', { name: 'Identity providers' }).click();
    await page.getByText('No identity providers').waitFor();

    await page.getByLabel('Alias').fill('Not An Alias');
    await page.getByLabel('Issuer').fill(op.issuer);
    await page.getByLabel('Audiences').fill(MOBILE_APP_CLIENT_ID);
    await page.getByRole('button', { name: 'Add identity provider' }).click();
    await page
      .getByRole('alert')
      .getByText(/alias must be/)
      .waitFor();
    await page.getByLabel('Alias').fill('journey-op');
    await page.getByRole('button', { name: 'Add identity provider' }).click();
    await page.getByRole('cell', { name: op.issuer }).waitFor();
    // A fresh, empty form for the next provider.
    await expect(page.getByLabel('Alias').inputValue()).resolves.toBe('');
    await portal.checkPage('admin-identity-providers');

    await page.getByRole('button', { name: 'Edit journey-op' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Create a user/).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'yes', exact: true }).waitFor();
    const stored = await providerFromApi('journey-op');
    expect(stored.body).toMatchObject({ issuer: op.issuer, audiences: [MOBILE_APP_CLIENT_ID], create_users: true });

    await page.getByRole('button', { name: 'Delete journey-op' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete the provider' }).click();
    await page.getByText('No identity providers').waitFor();
    expect((await providerFromApi('journey-op')).status).toBe(404);
  });

  it('a person sees the identity they linked, unlinks it, and signs out through the server', async () => {
    const { page, server } = portal;
    const adminToken = await signIn(server, await anAdmin(server), 'admin');
    await anIdentityProvider(server, adminToken, {
      alias: 'linked-op',
      type: 'oidc',
      issuer: op.issuer,
      audiences: [MOBILE_APP_CLIENT_ID],
    });
    const person = await aUser(server);
    const personToken = await signIn(server, person);
    const subject = randomUUID();
    const linked = await server.http
      .post('/users/me/identities')
      .auth(personToken, { type: 'bearer' })
      .send({
        subject_token: await op.idToken({ sub: subject, email: person.email }),
        subject_token_type: ID_TOKEN_TYPE,
      });
    expect(linked.status).toBe(201);

    await portal.signInThroughPortal(person);
    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByRole('cell', { name: subject, exact: true }).waitFor();
    await portal.checkPage('my-account');

    await page.getByRole('button', { name: `Unlink linked-op ${subject}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Unlink' }).click();
    await page.getByText('No linked identities').waitFor();
    const identities = await server.http.get('/users/me/identities').auth(personToken, { type: 'bearer' });
    expect(identities.body).toEqual([]);

    await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Signed out' }).waitFor();
    // The server session ended too: the portal asks for the password again.
    await page.goto(`${server.url}/portal/account`);
    await page.getByLabel('Password').waitFor();
  });

  it('a person allows an app on the consent page, then withdraws it from My account', async () => {
    const { page, server } = portal;
    const developerToken = await signIn(server, await aUser(server), 'clients:write');
    // A loopback redirect URI (RFC 8252 §7.3) on this very server: the browser lands somewhere real.
    const redirectUri = `${server.url}/health`;
    const app = await aClient(server, developerToken, {
      name: 'Consent journey app',
      grant_types: ['authorization_code'],
      scopes: ['contacts.read'],
      redirect_uris: [redirectUri],
    });
    const person = await aUser(server);
    await portal.signInThroughPortal(person);

    const authorize = new URL('/oauth/authorize', server.url);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: app.client_id,
      redirect_uri: redirectUri,
      scope: 'contacts.read',
      state: 'journey',
      code_challenge: createHash('sha256')
        .update('a-code-verifier-of-enough-length-for-pkce-rules')
        .digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    await page.goto(authorize.toString());
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((url) => url.searchParams.has('code'));

    await page.goto(`${server.url}/portal/account`);
    await page.getByRole('cell', { name: 'Consent journey app', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'contacts.read', exact: true }).waitFor();
    await portal.checkPage('my-account-consents');

    await page.getByRole('button', { name: 'Revoke Consent journey app' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('No apps allowed').waitFor();
    const consents = await server.http.get('/users/me/consents').auth(await signIn(server, person), { type: 'bearer' });
    expect(consents.body).toMatchObject({ items: [], total: 0 });
  });
});

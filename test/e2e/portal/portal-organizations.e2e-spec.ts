import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { aUser, HARNESS_ADMIN, signIn } from '../../factories';
import { usePortalSession } from './portal-session';

/** Organizations in Chromium: an owner builds one up in the portal; an admin sees and deletes it. */
describe('organizations in the portal', () => {
  jest.setTimeout(120_000);
  const portal = usePortalSession();

  it('an owner creates an organization, adds a member, makes them admin, registers an org app, removes the member', async () => {
    const { page, server } = portal;
    const owner = await aUser(server);
    const colleague = await aUser(server);
    const key = `journey-${randomBytes(4).toString('hex')}`;
    const forOrganization = { email: `${colleague.email}@${key}`, password: colleague.password };

    await portal.signInThroughPortal(owner);
    await page.getByRole('link', { name: 'My organizations' }).click();
    await page.getByText('No organizations yet').waitFor();
    await portal.checkPage('my-organizations-empty');

    await page.getByLabel('Key').fill('Not A Key');
    await page.getByLabel('Organization name').fill('Journey Corp');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('alert').getByText('key must be 2 to 40 of a-z, 0-9 and -').waitFor();
    await page.getByLabel('Key').fill(key);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: 'Journey Corp', level: 2 }).waitFor();

    await page.getByLabel('Member email').fill('nobody-here@example.test');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Member email').fill(colleague.email);
    await page.getByRole('button', { name: 'Add member' }).click();
    const role = page.getByLabel(`Role of ${colleague.email}`);
    await role.waitFor();
    await expect(role.inputValue()).resolves.toBe('member');
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'PATCH' && response.ok()),
      role.selectOption('admin'),
    ]);
    expect(decodeJwt(await signIn(server, forOrganization))).toMatchObject({ org: key, org_roles: ['admin'] });

    await page.getByRole('link', { name: 'New organization app' }).click();
    await page.getByRole('heading', { name: `New application for ${key}` }).waitFor();
    await page.getByLabel('Name').fill('Journey org app');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('will not be shown again').waitFor();
    await page.getByRole('link', { name: 'Back to the organization' }).click();
    await page.getByRole('cell', { name: 'Journey org app' }).waitFor();
    await portal.checkPage('organization');

    await page.getByRole('button', { name: `Remove ${colleague.email}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove the member' }).click();
    await role.waitFor({ state: 'detached' });
    await expect(signIn(server, forOrganization)).rejects.toThrow(/invalid_grant/);

    await page.getByRole('link', { name: 'My organizations' }).click();
    await page.getByRole('link', { name: 'Journey Corp' }).waitFor();
    await portal.checkPage('my-organizations');
  });

  it('an admin finds an organization by its key, sees its size and deletes it', async () => {
    const { page, server } = portal;
    const owner = await aUser(server);
    const key = `admin-view-${randomBytes(4).toString('hex')}`;
    const ownerToken = await signIn(server, owner, 'orgs:write');
    const created = await server.http
      .post('/orgs')
      .auth(ownerToken, { type: 'bearer' })
      .send({ key, name: 'Seen by admins' });
    expect(created.status).toBe(201);

    await portal.signInThroughPortal(HARNESS_ADMIN);
    await page.getByRole('link', { name: 'Organizations', exact: true }).click();
    await page.getByLabel('Search by key or name').fill(key);
    await page.getByRole('cell', { name: 'Seen by admins' }).waitFor();
    await portal.checkPage('admin-organizations');

    await page.getByRole('button', { name: `Delete ${key}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete the organization' }).click();
    await page.getByText('No organizations', { exact: true }).waitFor();
    await expect(signIn(server, { email: `${owner.email}@${key}`, password: owner.password })).rejects.toThrow(
      /invalid_grant/,
    );
  });
});

import { AdminScopesService } from '../../src/admin/admin-scopes.service';
import { ClientRegistrationService } from '../../src/client-registration/client-registration.service';
import type { Client } from '../../src/clients/client.entity';
import { OAuthError } from '../../src/common/errors/oauth.error';
import { AdminClientsService } from '../../src/admin/admin-clients.service';
import { ScopesService } from '../../src/scopes/scopes.service';
import type { User } from '../../src/users/user.entity';
import { openServiceContext, ServiceContext } from './service-context';

/** The scope rule against the catalogue in the database: requested ∩ client's ∩ what the user may hold. */
describe('scope decision (service tier)', () => {
  let context: ServiceContext;
  let scopes: ScopesService;
  let client: Client;
  let user: User;
  let adminUser: User;

  beforeAll(async () => {
    context = await openServiceContext();
    scopes = context.get(ScopesService);
    user = await context.aUser();
    adminUser = await context.aUser({ isAdmin: true });
    const { client: registered } = await context
      .get(ClientRegistrationService)
      .register(user.id, { name: 'Scoped app', scopes: ['profile', 'contacts.read'] });
    client = (
      await context.get(AdminClientsService).update(adminUser.id, registered.clientId, {
        scopes: ['profile', 'contacts.read', 'admin'],
      })
    ).client;
  });
  afterAll(() => context.close());

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => (error instanceof OAuthError ? error.code : error),
    );

  it('grants what was requested when the client and the user may have it', async () => {
    await expect(scopes.decideForToken(['contacts.read'], client, user)).resolves.toEqual(['contacts.read']);
  });

  it('grants the client’s default scopes when none is requested, never an admin-only one to a non-admin', async () => {
    const granted = await scopes.decideForToken(undefined, client, user);
    expect(granted).toEqual(expect.arrayContaining(['profile', 'contacts.read']));
    expect(granted).not.toContain('admin');
  });

  it('refuses a scope outside the client’s list, an unknown scope, and an admin-only scope for a non-admin', async () => {
    expect(await refusal(scopes.decideForToken(['contacts.write'], client, user))).toBe('invalid_scope');
    expect(await refusal(scopes.decideForToken(['no-such-scope'], client, user))).toBe('invalid_scope');
    expect(await refusal(scopes.decideForToken(['admin'], client, user))).toBe('invalid_scope');
    expect(await refusal(scopes.decideForToken(['admin'], client, null))).toBe('invalid_scope');
    await expect(scopes.decideForToken(['admin'], client, adminUser)).resolves.toEqual(['admin']);
  });

  it('sees an admin’s change to the catalogue at once (the cache listens to the repository)', async () => {
    await scopes.decideForToken(undefined, client, user); // fills the cache
    await context.get(AdminScopesService).update(adminUser.id, 'contacts.read', { is_default: false });

    await expect(scopes.decideForToken(undefined, client, user)).resolves.toEqual(['profile']);
  });
});

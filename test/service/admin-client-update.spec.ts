import { AdminClientsService } from '../../src/admin/admin-clients.service';
import { ClientRegistrationService } from '../../src/client-registration/client-registration.service';
import { ClientsService } from '../../src/clients/clients.service';
import { DomainError, NotFoundError } from '../../src/common/errors/domain.error';
import { RefreshTokensService } from '../../src/tokens/refresh-tokens.service';
import { openServiceContext, ServiceContext } from './service-context';

describe('admin client update (service tier)', () => {
  let context: ServiceContext;
  let admin: AdminClientsService;
  let registration: ClientRegistrationService;
  let adminId: string;
  let ownerId: string;

  beforeAll(async () => {
    context = await openServiceContext();
    admin = context.get(AdminClientsService);
    registration = context.get(ClientRegistrationService);
    adminId = (await context.aUser({ isAdmin: true })).id;
    ownerId = (await context.aUser()).id;
  });
  afterAll(() => context.close());

  it('changes only the fields given and returns the client with its owner', async () => {
    const { client } = await registration.register(ownerId, { name: 'Before', scopes: ['profile'] });

    const updated = await admin.update(adminId, client.clientId, { name: 'After', access_token_ttl: 120 });

    expect(updated.client).toMatchObject({ name: 'After', accessTokenTtlSeconds: 120, scopes: ['profile'] });
    expect(updated.owner?.id).toBe(ownerId);
  });

  it('may grant an admin-only scope, which a developer registering an app may not', async () => {
    const { client } = await registration.register(ownerId, { name: 'Admin tool', scopes: ['profile'] });
    await expect(registration.update(ownerId, client.clientId, { scopes: ['admin'] })).rejects.toThrow(DomainError);

    const updated = await admin.update(adminId, client.clientId, { scopes: ['profile', 'admin'] });
    expect(updated.client.scopes).toEqual(['profile', 'admin']);
  });

  it('refuses client_credentials for a public client', async () => {
    const { client } = await registration.register(ownerId, { name: 'SPA', confidential: false });
    await expect(admin.update(adminId, client.clientId, { grant_types: ['client_credentials'] })).rejects.toThrow(
      DomainError,
    );
  });

  it('disabling a client ends its refresh tokens and hides it from the token endpoint at once', async () => {
    const { client } = await registration.register(ownerId, { name: 'To disable' });
    const refreshTokens = context.get(RefreshTokensService);
    const token = await refreshTokens.startFamily(client, ownerId, ['profile'], { authTime: new Date(), amr: ['pwd'] });
    const clients = context.get(ClientsService);
    expect(await clients.findActiveByClientId(client.clientId)).not.toBeNull();

    await admin.update(adminId, client.clientId, { disabled: true });

    expect((await refreshTokens.findByToken(token))?.revokedAt).toBeInstanceOf(Date);
    expect(await clients.findActiveByClientId(client.clientId)).toBeNull();
  });

  it('answers NotFoundError for an unknown client', async () => {
    await expect(admin.update(adminId, 'no-such-client', { name: 'x' })).rejects.toThrow(NotFoundError);
  });
});

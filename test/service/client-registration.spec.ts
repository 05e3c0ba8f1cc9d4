import { ClientRegistrationService } from '../../src/client-registration/client-registration.service';
import { ClientsRepository } from '../../src/clients/clients.repository';
import { sha256Hex } from '../../src/common/crypto/secrets';
import { DomainError, NotFoundError } from '../../src/common/errors/domain.error';
import { openServiceContext, ServiceContext } from './service-context';

describe('client registration and secret rotation (service tier)', () => {
  let context: ServiceContext;
  let registration: ClientRegistrationService;
  let clients: ClientsRepository;
  let ownerId: string;

  beforeAll(async () => {
    context = await openServiceContext();
    registration = context.get(ClientRegistrationService);
    clients = context.get(ClientsRepository);
    ownerId = (await context.aUser()).id;
  });
  afterAll(() => context.close());

  it('registers a confidential client with defaults and stores only the hash of its secret', async () => {
    const { client, secret } = await registration.register(ownerId, { name: 'Server app' });

    expect(secret).toEqual(expect.any(String));
    expect(client).toMatchObject({ ownerId, confidential: true, grantTypes: ['password', 'refresh_token'] });
    const stored = await clients.findByClientId(client.clientId);
    expect(stored?.secretHash).toBe(sha256Hex(secret!));
  });

  it('registers a public client without a secret, and refuses client_credentials for it', async () => {
    const { client, secret } = await registration.register(ownerId, { name: 'SPA', confidential: false });
    expect(secret).toBeUndefined();
    expect(client.secretHash).toBeNull();

    await expect(
      registration.register(ownerId, { name: 'Bad', confidential: false, grant_types: ['client_credentials'] }),
    ).rejects.toThrow(DomainError);
  });

  it('rotates the secret: the new one is stored, the old one no longer matches', async () => {
    const { client, secret: old } = await registration.register(ownerId, { name: 'Rotating app' });

    const { secret: fresh } = await registration.rotateSecret(ownerId, client.clientId);

    expect(fresh).not.toBe(old);
    const stored = await clients.findByClientId(client.clientId);
    expect(stored?.secretHash).toBe(sha256Hex(fresh!));
    expect(stored?.secretHash).not.toBe(sha256Hex(old!));
  });

  it("treats another user's app as absent, and a public client as having no secret to rotate", async () => {
    const { client } = await registration.register(ownerId, { name: 'Mine' });
    const stranger = await context.aUser();
    await expect(registration.rotateSecret(stranger.id, client.clientId)).rejects.toThrow(NotFoundError);

    const { client: spa } = await registration.register(ownerId, { name: 'SPA 2', confidential: false });
    await expect(registration.rotateSecret(ownerId, spa.clientId)).rejects.toThrow(DomainError);
  });
});

import { DataSource, type EntitySubscriberInterface } from 'typeorm';
import { ClientRegistrationService } from '../../src/client-registration/client-registration.service';
import type { Client } from '../../src/clients/client.entity';
import { RefreshTokensRepository } from '../../src/refresh-tokens/refresh-tokens.repository';
import { RefreshTokensService } from '../../src/tokens/refresh-tokens.service';
import { User } from '../../src/users/user.entity';
import { openServiceContext, ServiceContext } from './service-context';

/** RFC 9700 §4.14.2: a refresh token is spent by exactly one presentation, however many arrive at once. */
describe('refresh token rotation (service tier)', () => {
  let context: ServiceContext;
  let tokens: RefreshTokensService;
  let client: Client;
  let userId: string;

  beforeAll(async () => {
    context = await openServiceContext();
    tokens = context.get(RefreshTokensService);
    userId = (await context.aUser()).id;
    ({ client } = await context
      .get(ClientRegistrationService)
      .register(userId, { name: 'Rotation app', grant_types: ['password', 'refresh_token'] }));
  });
  afterAll(() => context.close());

  const signIn = { authTime: new Date(), amr: ['pwd'] };
  const dataSource = () => context.get(DataSource);

  it('lets exactly one of many concurrent rotations win, and chains the winner to the same family', async () => {
    const first = await tokens.startFamily(client, userId, ['profile'], signIn);
    const presented = await tokens.findByToken(first);
    expect(presented).not.toBeNull();

    const results = await Promise.all(Array.from({ length: 8 }, () => tokens.rotate(presented!, client, ['profile'])));

    const winners = results.filter((result): result is string => result !== undefined);
    expect(winners).toHaveLength(1);
    const successor = await tokens.findByToken(winners[0]);
    expect(successor).toMatchObject({ familyId: presented!.familyId, parentId: presented!.id, usedAt: null });
    expect((await tokens.findByToken(first))?.usedAt).toBeInstanceOf(Date);
  });

  it('refuses to rotate a token of a revoked family', async () => {
    const first = await tokens.startFamily(client, userId, ['profile'], signIn);
    const presented = (await tokens.findByToken(first))!;
    await tokens.revokeFamily(presented.familyId);

    await expect(tokens.rotate(presented, client, ['profile'])).resolves.toBeUndefined();
  });

  it('a revocation that lands between the spend and the successor insert ends the successor too', async () => {
    const repository = context.get(RefreshTokensRepository);
    const first = await tokens.startFamily(client, userId, ['profile'], signIn);
    const presented = (await tokens.findByToken(first))!;
    // Right after the rotation's UPDATE (the spend) runs, the family is revoked, as another request would.
    let fired = false;
    const revokeAfterSpend: EntitySubscriberInterface = {
      afterQuery: async ({ query }) => {
        if (fired || !/^UPDATE\W+refresh_tokens\W+SET\W+used_at/i.test(query)) return;
        fired = true;
        await repository.revoke({ familyId: presented.familyId });
      },
    };
    const { subscribers } = dataSource();
    subscribers.push(revokeAfterSpend);
    try {
      const successor = await tokens.rotate(presented, client, ['profile']);
      expect(fired).toBe(true);
      expect(successor).toBeDefined();
      expect((await tokens.findByToken(successor!))?.revokedAt).toBeInstanceOf(Date);
    } finally {
      subscribers.splice(subscribers.indexOf(revokeAfterSpend), 1);
    }
  });

  it('finds the presented token with its holder in one read, and sees the holder disabled', async () => {
    const holderId = (await context.aUser({ isAdmin: true })).id;
    const token = await tokens.startFamily(client, holderId, ['profile'], signIn);
    expect(await tokens.findPresented(token)).toMatchObject({
      token: { userId: holderId, usedAt: null },
      holder: { isAdmin: true, disabled: false },
    });
    await dataSource().getRepository(User).update({ id: holderId }, { disabled: true });
    expect((await tokens.findPresented(token))?.holder).toEqual({ isAdmin: true, disabled: true });
    expect(await tokens.findPresented('not-a-refresh-token')).toBeNull();
  });

  it('revokes by family, by user and by client with one repository method, leaving the others live', async () => {
    const repository = context.get(RefreshTokensRepository);
    const otherUserId = (await context.aUser()).id;
    const mine = await tokens.startFamily(client, userId, ['profile'], signIn);
    const theirs = await tokens.startFamily(client, otherUserId, ['profile'], signIn);

    await repository.revoke({ userId: otherUserId });
    expect((await tokens.findByToken(theirs))?.revokedAt).toBeInstanceOf(Date);
    expect((await tokens.findByToken(mine))?.revokedAt).toBeNull();

    await repository.revoke({ clientId: client.id });
    expect((await tokens.findByToken(mine))?.revokedAt).toBeInstanceOf(Date);
  });
});

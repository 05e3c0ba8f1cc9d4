import { ACTIVE_CLIENT_CACHE_TTL_MS } from '../../src/clients/clients.service';
import { aClient, anAdmin, aUser, signIn } from '../factories';
import { eventually } from '../support/eventually';
import { basicAuthorization } from '../support/oauth-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { aRedisPrefix, deleteRedisKeys, TEST_REDIS_URL } from '../support/test-redis';

/** With Redis, changes are published; without, instances poll what changed every 2 s (plus slack). */
const cases = [
  { name: 'with Redis pub/sub', redis: true, withinMs: 1_000 },
  { name: 'without Redis (polling what changed)', redis: false, withinMs: 4_000 },
];

describe.each(cases)('two instances on one database, $name', ({ redis, withinMs }) => {
  let first: TestApp;
  let second: TestApp;
  const prefix = aRedisPrefix();

  beforeAll(async () => {
    const env: Record<string, string> = redis ? { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix } : {};
    first = await startTestApp(env);
    second = await startTestApp(env, { database: first.database });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await first?.database.drop();
    if (redis) await deleteRedisKeys(prefix);
  });

  const me = (server: TestApp, token: string) => server.http.get('/users/me').auth(token, { type: 'bearer' });

  /** How long until `refused` holds on the second instance; fails the test beyond `withinMs`. */
  async function delayUntil(refused: () => Promise<boolean>): Promise<number> {
    const started = Date.now();
    expect(await eventually(refused, withinMs)).toBe(true);
    return Date.now() - started;
  }

  it('refuses a revoked access token on the other instance', async () => {
    const user = await aUser(first);
    const token = await signIn(first, user, 'profile');
    expect((await me(second, token)).status).toBe(200);

    const revoked = await first.http
      .post('/oauth/revoke')
      .type('form')
      .send({ token, client_id: first.config.portalClientId });
    expect(revoked.status).toBe(200);

    const delay = await delayUntil(async () => (await me(second, token)).status === 401);
    process.stdout.write(`revocation reached the other instance in ${delay} ms (${redis ? 'pub/sub' : 'poll'})\n`);
  });

  it('refuses, on every instance, the access tokens of a user an admin disabled or demoted', async () => {
    const admin = await anAdmin(first);
    const adminToken = await signIn(first, admin, 'admin profile');
    const disabled = await aUser(first);
    const demoted = await aUser(first);
    const disabledToken = await signIn(second, disabled, 'profile');
    await first.dataSource.query('UPDATE users SET is_admin = ? WHERE id = ?', [true, demoted.id]);
    const demotedToken = await signIn(second, demoted, 'profile');
    expect((await me(second, disabledToken)).status).toBe(200);

    const patch = (id: string, body: object) =>
      first.http.patch(`/admin/users/${id}`).auth(adminToken, { type: 'bearer' }).send(body);
    expect((await patch(disabled.id, { disabled: true })).status).toBe(200);
    expect((await patch(demoted.id, { is_admin: false })).status).toBe(200);

    const response = await me(first, disabledToken);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
    await delayUntil(async () => (await me(second, disabledToken)).status === 401);
    await delayUntil(async () => (await me(second, demotedToken)).status === 401);

    // A new sign-in after the demotion works at once (its jti carries the millisecond it was issued).
    expect((await me(second, await signIn(first, demoted, 'profile'))).status).toBe(200);
  });

  it("refuses a deleted app's client_credentials tokens on the other instance", async () => {
    const owner = await aUser(first);
    const ownerToken = await signIn(first, owner, 'profile clients:write');
    const app = await aClient(first, ownerToken, { grant_types: ['client_credentials'], scopes: ['contacts.read'] });
    const issued = await second.http
      .post('/oauth/token')
      .set('Authorization', basicAuthorization(app.client_id, app.client_secret ?? ''))
      .type('form')
      .send({ grant_type: 'client_credentials', scope: 'contacts.read' });
    expect(issued.status).toBe(200);
    const token = (issued.body as { access_token: string }).access_token;
    const contacts = (server: TestApp) => server.http.get('/api/contacts').auth(token, { type: 'bearer' });
    expect((await contacts(second)).status).not.toBe(401);

    expect((await first.http.delete(`/clients/${app.client_id}`).auth(ownerToken, { type: 'bearer' })).status).toBe(
      204,
    );
    await delayUntil(async () => (await contacts(second)).status === 401);
  });

  it("refuses a disabled app's client_credentials grant, and an app of a disabled owner, on the other instance", async () => {
    const admin = await anAdmin(first);
    const adminToken = await signIn(first, admin, 'admin');
    const owner = await aUser(first);
    const ownerToken = await signIn(first, owner, 'profile clients:write');
    const register = () =>
      aClient(first, ownerToken, { grant_types: ['client_credentials'], scopes: ['contacts.read'] });
    const [disabledApp, ownersApp] = [await register(), await register()];
    const grant = (server: TestApp, app: { client_id: string; client_secret?: string }) =>
      server.http
        .post('/oauth/token')
        .set('Authorization', basicAuthorization(app.client_id, app.client_secret ?? ''))
        .type('form')
        .send({ grant_type: 'client_credentials', scope: 'contacts.read' });
    // Served once, so the second instance holds both apps in its cache of active clients.
    expect((await grant(second, disabledApp)).status).toBe(200);
    expect((await grant(second, ownersApp)).status).toBe(200);

    const patch = (path: string) =>
      first.http.patch(path).auth(adminToken, { type: 'bearer' }).send({ disabled: true });
    expect((await patch(`/admin/clients/${disabledApp.client_id}`)).status).toBe(200);
    expect((await grant(first, disabledApp)).status).toBe(401);
    const delay = await delayUntil(async () => (await grant(second, disabledApp)).status === 401);
    process.stdout.write(`a disabled client reached the other instance in ${delay} ms (${redis ? 'pub/sub' : 'poll'})\n`);
    // With Redis the event empties the cache, well before the entry would have expired.
    if (redis) expect(delay).toBeLessThan(ACTIVE_CLIENT_CACHE_TTL_MS / 2);

    expect((await patch(`/admin/users/${owner.id}`)).status).toBe(200);
    expect((await grant(first, ownersApp)).status).toBe(401);
    await delayUntil(async () => (await grant(second, ownersApp)).status === 401);
  });

  it('signs with the new key on the other instance after a rotation, and still accepts the old tokens', async () => {
    const admin = await anAdmin(first);
    const adminToken = await signIn(first, admin, 'admin profile');
    const before = await signIn(second, admin, 'profile');
    const kidOf = (token: string) =>
      (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid: string }).kid;

    const rotated = await first.http.post('/admin/keys/rotate').auth(adminToken, { type: 'bearer' });
    expect(rotated.status).toBe(200);
    const newKid = (rotated.body as { kid: string }).kid;

    if (redis) await delayUntil(async () => kidOf(await signIn(second, admin, 'profile')) === newKid);
    expect((await me(second, before)).status).toBe(200);
  });
});

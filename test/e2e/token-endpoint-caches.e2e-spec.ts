import { aClient, anAdmin, aUser, signIn, type RegisteredClient, type TestUser } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { ACTIVE_CLIENT_CACHE_TTL_MS } from '../../src/clients/clients.service';

/**
 * The token endpoint keeps active clients and the scope catalogue in memory for a few seconds. Every
 * change made through the server must still take effect at once, even right after a request that
 * filled those caches; a change behind the server's back takes effect within the stated bound.
 */
describe('token endpoint caches (clients and scopes)', () => {
  let server: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    server = await startTestApp();
    adminToken = await signIn(server, await anAdmin(server), 'admin');
  });
  afterAll(() => server.close());

  const asAdmin = <T extends { auth: (token: string, options: { type: 'bearer' }) => T }>(request: T): T =>
    request.auth(adminToken, { type: 'bearer' });

  async function anAppOfItsOwn(scopes = ['contacts.read']): Promise<{ owner: TestUser; app: RegisteredClient }> {
    const owner = await aUser(server);
    const ownerToken = await signIn(server, owner, 'clients:write');
    const app = await aClient(server, ownerToken, { grant_types: ['client_credentials'], scopes, confidential: true });
    return { owner, app };
  }

  const clientCredentials = (app: RegisteredClient, scope = 'contacts.read', secret = app.client_secret ?? '') =>
    server.http
      .post('/oauth/token')
      .auth(app.client_id, secret)
      .type('form')
      .send({ grant_type: 'client_credentials', scope });

  it('refuses a client at once when an admin disables it, right after it was served from the cache', async () => {
    const { app } = await anAppOfItsOwn();
    expect((await clientCredentials(app)).status).toBe(200);
    await asAdmin(server.http.patch(`/admin/clients/${app.client_id}`))
      .send({ disabled: true })
      .expect(200);
    expect((await clientCredentials(app)).status).toBe(401);
  });

  it('refuses a client at once when its owner is disabled', async () => {
    const { owner, app } = await anAppOfItsOwn();
    expect((await clientCredentials(app)).status).toBe(200);
    await asAdmin(server.http.patch(`/admin/users/${owner.id}`))
      .send({ disabled: true })
      .expect(200);
    expect((await clientCredentials(app)).status).toBe(401);
  });

  it('refuses the old secret at once after a rotation, and takes the new one', async () => {
    const { owner, app } = await anAppOfItsOwn();
    expect((await clientCredentials(app)).status).toBe(200);
    const ownerToken = await signIn(server, owner, 'clients:write');
    const rotated = await server.http
      .post(`/clients/${app.client_id}/secret`)
      .auth(ownerToken, { type: 'bearer' })
      .expect((response) => expect(response.status).toBeLessThan(300));
    const newSecret = (rotated.body as { client_secret: string }).client_secret;
    expect((await clientCredentials(app)).status).toBe(401);
    expect((await clientCredentials(app, 'contacts.read', newSecret)).status).toBe(200);
  });

  it('applies a scope made admin-only at once', async () => {
    const name = `cache-${Date.now()}`;
    await asAdmin(server.http.post('/admin/scopes')).send({ name, description: 'cache test' }).expect(201);
    const { app } = await anAppOfItsOwn([name]);
    expect((await clientCredentials(app, name)).status).toBe(200);
    await asAdmin(server.http.patch(`/admin/scopes/${name}`))
      .send({ admin_only: true })
      .expect(200);
    const refused = await clientCredentials(app, name);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'invalid_scope' });
  });

  it('sees a change made behind its back (another instance) within the cache lifetime', async () => {
    const { app } = await anAppOfItsOwn();
    expect((await clientCredentials(app)).status).toBe(200);
    // Raw SQL, as another instance's change would look to this one: no event reaches the cache.
    await server.dataSource.query('UPDATE clients SET disabled = ? WHERE client_id = ?', [true, app.client_id]);
    const changedAt = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - changedAt < ACTIVE_CLIENT_CACHE_TTL_MS + 2_000) {
      status = (await clientCredentials(app)).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(401);
    expect(Date.now() - changedAt).toBeLessThanOrEqual(ACTIVE_CLIENT_CACHE_TTL_MS + 1_000);
  }, 15_000);
});

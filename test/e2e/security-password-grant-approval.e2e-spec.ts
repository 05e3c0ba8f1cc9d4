import { AuditEvent } from '../../src/audit/audit-event.entity';
import { aClient, aUser, anAdmin, signIn, type TestUser } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue #10 item 6: an app registered through the portal gets the password grant for its owner's own
// account at once, and for other users only once an admin marks it first_party.
const PASSWORD_APP = { grant_types: ['password', 'refresh_token'], scopes: ['profile'] };
const AWAITS = /awaits an administrator's approval/;

interface RegisteredApp {
  client_id: string;
  client_secret: string;
}

describe('password grant approval (PASSWORD_GRANT_APPROVAL=required, the default)', () => {
  let server: TestApp;
  let developer: TestUser;
  let other: TestUser;
  let app: RegisteredApp;
  let adminToken: string;

  beforeAll(async () => {
    server = await startTestApp({ RATE_LIMIT_ENABLED: 'false' });
    [developer, other] = await Promise.all([aUser(server), aUser(server)]);
    app = (await aClient(server, await signIn(server, developer, 'clients:write'), PASSWORD_APP)) as RegisteredApp;
    adminToken = await signIn(server, await anAdmin(server), 'admin');
  });
  afterAll(() => server.close());

  const grant = (username: string, password: string, client: RegisteredApp = app) =>
    server.http
      .post('/oauth/token')
      .auth(client.client_id, client.client_secret)
      .type('form')
      .send({ grant_type: 'password', username, password, scope: 'profile' });

  it("signs in the app's owner at once", async () => {
    const response = await grant(developer.email, developer.password);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ token_type: 'Bearer' });
  });

  it('refuses every other user with unauthorized_client, before any password check, whatever the password', async () => {
    const right = await grant(other.email, other.password);
    const wrong = await grant(other.email, 'not-the-password');
    const unknown = await grant('nobody-at-all@example.test', 'whatever');
    for (const response of [right, wrong, unknown]) {
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: 'unauthorized_client',
        error_description: expect.stringMatching(AWAITS) as string,
      });
    }
    // No password was checked: nothing counts toward a lockout, no failed sign-in is recorded.
    const failures = await server.dataSource
      .getRepository(AuditEvent)
      .findBy({ type: 'user.signin_failed', subject: other.id });
    expect(failures).toHaveLength(0);
    expect(
      (await server.http.get(`/admin/users/${other.id}/lock`).auth(adminToken, { type: 'bearer' })).body,
    ).toMatchObject({
      failures: 0,
    });
  });

  it('shows admins the apps awaiting approval; first_party approves one for every user', async () => {
    const pending = await server.http
      .get('/admin/clients?awaiting_approval=true&limit=100')
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    const listed = (pending.body as { items: { client_id: string; awaiting_approval: boolean }[] }).items;
    expect(listed).toContainEqual(expect.objectContaining({ client_id: app.client_id, awaiting_approval: true }));
    expect(listed.every((client) => client.awaiting_approval)).toBe(true);
    expect(listed.map((client) => client.client_id)).not.toContain(server.config.portalClientId);

    await server.http
      .patch(`/admin/clients/${app.client_id}`)
      .auth(adminToken, { type: 'bearer' })
      .send({ first_party: true })
      .expect(200);
    expect((await grant(other.email, other.password)).status).toBe(200);
    const after = await server.http
      .get('/admin/clients?awaiting_approval=true&limit=100')
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    const ids = (after.body as { items: { client_id: string }[] }).items.map((client) => client.client_id);
    expect(ids).not.toContain(app.client_id);
  });

  it('refuses a malformed filter with a 400', async () => {
    await server.http.get('/admin/clients?awaiting_approval=maybe').auth(adminToken, { type: 'bearer' }).expect(400);
  });
});

describe('PASSWORD_GRANT_APPROVAL=open', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ RATE_LIMIT_ENABLED: 'false', PASSWORD_GRANT_APPROVAL: 'open' });
  });
  afterAll(() => server.close());

  it('lets a portal-registered app sign in every user', async () => {
    const [developer, other] = await Promise.all([aUser(server), aUser(server)]);
    const app = (await aClient(
      server,
      await signIn(server, developer, 'clients:write'),
      PASSWORD_APP,
    )) as RegisteredApp;
    const response = await server.http
      .post('/oauth/token')
      .auth(app.client_id, app.client_secret)
      .type('form')
      .send({ grant_type: 'password', username: other.email, password: other.password, scope: 'profile' });
    expect(response.status).toBe(200);
  });
});

import { anAdmin, aUser, signIn, type TestUser } from '../../factories';
import { startTestApp, type TestApp } from '../../support/test-app';
import { aKey, addMember, anOrganization, signInForOrgs } from './org-fixtures';

interface AdminOrganization {
  id: string;
  key: string;
  name: string;
  member_count: number;
  client_count: number;
}

describe('organizations: the admin API (/admin/orgs)', () => {
  let server: TestApp;
  let admin: TestUser;
  let adminToken: string;
  let owner: TestUser;
  let ownerToken: string;
  let member: TestUser;

  beforeAll(async () => {
    server = await startTestApp({ RATE_LIMIT_ENABLED: 'false' });
    admin = await anAdmin(server);
    adminToken = await signIn(server, admin, 'admin profile');
    [owner, member] = await Promise.all([aUser(server), aUser(server)]);
    ownerToken = await signInForOrgs(server, owner);
  });
  afterAll(() => server.close());

  const asAdmin = {
    get: (path: string) => server.http.get(path).auth(adminToken, { type: 'bearer' }),
    delete: (path: string) => server.http.delete(path).auth(adminToken, { type: 'bearer' }),
  };
  const list = async (query: string): Promise<{ items: AdminOrganization[]; total: number }> => {
    const response = await asAdmin.get(`/admin/orgs?${query}`);
    expect(response.status).toBe(200);
    return response.body as { items: AdminOrganization[]; total: number };
  };
  const passwordGrantFor = (key: string) =>
    server.http
      .post('/oauth/token')
      .type('form')
      .send({
        grant_type: 'password',
        client_id: server.config.portalClientId,
        username: `${member.email}@${key}`,
        password: member.password,
        scope: 'profile orgs:read',
      });

  it('refuses a member of the organization who is no admin (403), and an anonymous caller (401)', async () => {
    const key = await anOrganization(server, ownerToken);
    for (const request of [
      server.http.get('/admin/orgs'),
      server.http.get(`/admin/orgs/${key}`),
      server.http.delete(`/admin/orgs/${key}`),
    ]) {
      expect((await request.auth(ownerToken, { type: 'bearer' })).status).toBe(403);
    }
    expect((await server.http.get('/admin/orgs')).status).toBe(401);
    expect((await asAdmin.get(`/admin/orgs/${key}`)).status).toBe(200);
  });

  it('lists every organization, newest first, with its members and apps counted', async () => {
    const key = await anOrganization(server, ownerToken);
    await addMember(server, ownerToken, key, member, 'member');
    const app = await server.http
      .post(`/orgs/${key}/clients`)
      .auth(ownerToken, { type: 'bearer' })
      .send({ name: 'Org app' });
    expect(app.status).toBe(201);
    const empty = await anOrganization(server, ownerToken);

    const page = await list('limit=2');
    expect(page.items.map((org) => org.key)).toEqual([empty, key]);
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.items[1]).toMatchObject({ key, name: `Org ${key}`, member_count: 2, client_count: 1 });
    expect(page.items[0]).toMatchObject({ key: empty, member_count: 1, client_count: 0 });

    const read = await asAdmin.get(`/admin/orgs/${key}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      id: expect.any(String),
      key,
      name: `Org ${key}`,
      member_count: 2,
      client_count: 1,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const second = await list('limit=1&offset=1');
    expect(second.items.map((org) => org.key)).toEqual([key]);
  });

  it('searches a substring of the key or of the name, any case, with LIKE wildcards taken literally', async () => {
    const key = aKey();
    const created = await server.http
      .post('/orgs')
      .auth(ownerToken, { type: 'bearer' })
      .send({ key, name: 'Zebra Crossing 100%' });
    expect(created.status).toBe(201);

    expect((await list(`q=${key.slice(4)}`)).items.map((org) => org.key)).toEqual([key]);
    expect((await list('q=zEBRA%20cross')).items.map((org) => org.key)).toEqual([key]);
    expect((await list('q=100%25')).items.map((org) => org.key)).toEqual([key]);
    expect(await list('q=%25%25%25')).toEqual({ items: [], total: 0 });
    expect(await list('q=_')).toEqual({ items: [], total: 0 });
  });

  it.each(['limit=0', 'limit=101', 'offset=-1', `q=${'x'.repeat(201)}`])('refuses %s with 400', async (query) => {
    const response = await asAdmin.get(`/admin/orgs?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('answers 404 for an organization that does not exist', async () => {
    for (const response of [await asAdmin.get('/admin/orgs/no-such-org'), await asAdmin.delete('/admin/orgs/nope')]) {
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ statusCode: 404 });
    }
  });

  it('deletes an organization: its refresh and access tokens end at once, it is audited, its key is free again', async () => {
    const key = await anOrganization(server, ownerToken);
    await addMember(server, ownerToken, key, member, 'member');
    const signedIn = await passwordGrantFor(key);
    expect(signedIn.status).toBe(200);
    const { access_token: accessToken, refresh_token: refreshToken } = signedIn.body as {
      access_token: string;
      refresh_token: string;
    };
    expect((await server.http.get('/org').auth(accessToken, { type: 'bearer' })).status).toBe(200);

    const deleted = await asAdmin.delete(`/admin/orgs/${key}`);
    expect(deleted.status).toBe(204);

    expect((await server.http.get('/org').auth(accessToken, { type: 'bearer' })).status).toBe(401);
    const refreshed = await server.http.post('/oauth/token').type('form').send({
      grant_type: 'refresh_token',
      client_id: server.config.portalClientId,
      refresh_token: refreshToken,
    });
    expect(refreshed.status).toBe(400);
    expect(refreshed.body).toMatchObject({ error: 'invalid_grant' });
    expect((await asAdmin.get(`/admin/orgs/${key}`)).status).toBe(404);
    expect((await server.http.get(`/orgs/${key}`).auth(ownerToken, { type: 'bearer' })).status).toBe(404);
    // Signing in for it now answers like a wrong password.
    expect((await passwordGrantFor(key)).body).toMatchObject({ error: 'invalid_grant' });

    const audit = await server.dataSource.query<{ type: string; details: unknown }[]>(
      'SELECT type, details FROM audit_events WHERE subject = ? AND actor_user_id = ?',
      [key, admin.id],
    );
    expect(audit.map((row) => row.type)).toEqual(['admin.org_deleted']);
    expect((await asAdmin.delete(`/admin/orgs/${key}`)).status).toBe(404);
    const again = await server.http.post('/orgs').auth(ownerToken, { type: 'bearer' }).send({ key, name: 'Reborn' });
    expect(again.status).toBe(201);
  });
});

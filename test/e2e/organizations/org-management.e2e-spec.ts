import { aUser, signIn, type TestUser } from '../../factories';
import { startTestApp, type TestApp } from '../../support/test-app';
import { aKey, addMember, anOrganization, signInForOrgs } from './org-fixtures';

describe('organizations: /orgs, members and org apps', () => {
  let server: TestApp;
  let owner: TestUser;
  let ownerToken: string;
  let admin: TestUser;
  let adminToken: string;
  let member: TestUser;
  let memberToken: string;
  let outsider: TestUser;
  let outsiderToken: string;

  beforeAll(async () => {
    server = await startTestApp();
    [owner, admin, member, outsider] = await Promise.all([aUser(server), aUser(server), aUser(server), aUser(server)]);
    [ownerToken, adminToken, memberToken, outsiderToken] = await Promise.all(
      [owner, admin, member, outsider].map((user) => signInForOrgs(server, user)),
    );
  });
  afterAll(() => server.close());

  const as = (token: string) => ({
    get: (path: string) => server.http.get(path).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => server.http.post(path).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => server.http.patch(path).auth(token, { type: 'bearer' }).send(body),
    delete: (path: string) => server.http.delete(path).auth(token, { type: 'bearer' }),
  });

  /** An organization with one member of each role. */
  async function populated(): Promise<string> {
    const key = await anOrganization(server, ownerToken);
    await addMember(server, ownerToken, key, admin, 'admin');
    await addMember(server, ownerToken, key, member, 'member');
    return key;
  }

  it('creates an organization whose creator is its owner, and lists it as theirs', async () => {
    const key = aKey();
    const created = await as(ownerToken).post('/orgs', { key, name: '  Acme  ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key, name: 'Acme', role: 'owner' });
    const mine = await as(ownerToken).get('/orgs?limit=100');
    expect(mine.status).toBe(200);
    expect((mine.body as { items: { key: string }[] }).items.map((org) => org.key)).toContain(key);
    const theirs = await as(outsiderToken).get('/orgs');
    expect((theirs.body as { items: { key: string }[] }).items.map((org) => org.key)).not.toContain(key);
  });

  it.each(['a', 'A-cme', 'acme_corp', 'x'.repeat(41), 'ac me', 'acmé', ''])('refuses the key %j', async (key) => {
    const response = await as(ownerToken).post('/orgs', { key, name: 'Acme' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('accepts keys of 2 and 40 characters, and refuses a taken key with 409', async () => {
    const long = aKey().padEnd(40, '0');
    const first = await as(ownerToken).post('/orgs', { key: long, name: 'Long' });
    expect(first.status).toBe(201);
    const again = await as(outsiderToken).post('/orgs', { key: long, name: 'Other' });
    expect(again.status).toBe(409);
    // Each suite has a database of its own, so this two-character key is free.
    expect((await as(ownerToken).post('/orgs', { key: 'q7', name: 'Short' })).status).toBe(201);
  });

  it('needs orgs:read to read and orgs:write to change', async () => {
    const key = await anOrganization(server, ownerToken);
    const profileOnly = await signIn(server, owner, 'profile');
    expect((await as(profileOnly).get(`/orgs/${key}`)).status).toBe(403);
    expect((await as(profileOnly).post('/orgs', { key: aKey(), name: 'x' })).status).toBe(403);
    expect((await server.http.get('/orgs')).status).toBe(401);
  });

  it('answers a non-member 404 on every organization route, exactly as for an organization that does not exist', async () => {
    const key = await populated();
    const routes = [
      (token: string, k: string) => as(token).get(`/orgs/${k}`),
      (token: string, k: string) => as(token).patch(`/orgs/${k}`, { name: 'Mine now' }),
      (token: string, k: string) => as(token).delete(`/orgs/${k}`),
      (token: string, k: string) => as(token).get(`/orgs/${k}/members`),
      (token: string, k: string) => as(token).post(`/orgs/${k}/members`, { email: outsider.email, role: 'member' }),
      (token: string, k: string) => as(token).patch(`/orgs/${k}/members/${member.id}`, { role: 'admin' }),
      (token: string, k: string) => as(token).delete(`/orgs/${k}/members/${member.id}`),
      (token: string, k: string) => as(token).get(`/orgs/${k}/clients`),
      (token: string, k: string) => as(token).post(`/orgs/${k}/clients`, { name: 'Sneaky' }),
    ];
    for (const route of routes) {
      const existing = await route(outsiderToken, key);
      const missing = await route(outsiderToken, aKey());
      expect(existing.status).toBe(404);
      expect(existing.body).toEqual(missing.body);
    }
    expect((await as(ownerToken).get(`/orgs/${key}/members`)).body).toMatchObject({ total: 3 });
  });

  it('lets any member read the organization and its members, and only owners and admins change them', async () => {
    const key = await populated();
    expect((await as(memberToken).get(`/orgs/${key}`)).body).toMatchObject({ key, role: 'member' });
    const members = await as(memberToken).get(`/orgs/${key}/members`);
    expect(members.status).toBe(200);
    const roles = Object.fromEntries(
      (members.body as { items: { email: string; role: string }[] }).items.map((row) => [row.email, row.role]),
    );
    expect(roles).toEqual({ [owner.email]: 'owner', [admin.email]: 'admin', [member.email]: 'member' });

    expect((await as(memberToken).patch(`/orgs/${key}`, { name: 'Renamed' })).status).toBe(403);
    expect((await as(memberToken).post(`/orgs/${key}/members`, { email: outsider.email, role: 'member' })).status).toBe(
      403,
    );
    expect((await as(memberToken).patch(`/orgs/${key}/members/${admin.id}`, { role: 'member' })).status).toBe(403);
    expect((await as(memberToken).delete(`/orgs/${key}/members/${admin.id}`)).status).toBe(403);
    expect((await as(memberToken).get(`/orgs/${key}/clients`)).status).toBe(403);
    expect((await as(memberToken).post(`/orgs/${key}/clients`, { name: 'x' })).status).toBe(403);
    expect((await as(memberToken).delete(`/orgs/${key}`)).status).toBe(403);

    const renamed = await as(adminToken).patch(`/orgs/${key}`, { name: 'Renamed' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ key, name: 'Renamed', role: 'admin' });
    expect((await as(adminToken).delete(`/orgs/${key}`)).status).toBe(403);
  });

  it('lets admins manage members and admins, but only owners make, demote or remove owners', async () => {
    const key = await populated();
    const added = await as(adminToken).post(`/orgs/${key}/members`, {
      email: outsider.email.toUpperCase(),
      role: 'member',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ user_id: outsider.id, email: outsider.email, role: 'member' });
    expect((await as(adminToken).post(`/orgs/${key}/members`, { email: outsider.email, role: 'admin' })).status).toBe(
      409,
    );
    expect((await as(adminToken).patch(`/orgs/${key}/members/${outsider.id}`, { role: 'admin' })).body).toMatchObject({
      role: 'admin',
    });
    expect((await as(adminToken).patch(`/orgs/${key}/members/${outsider.id}`, { role: 'owner' })).status).toBe(403);
    expect((await as(adminToken).patch(`/orgs/${key}/members/${owner.id}`, { role: 'member' })).status).toBe(403);
    expect((await as(adminToken).delete(`/orgs/${key}/members/${owner.id}`)).status).toBe(403);
    expect((await as(adminToken).delete(`/orgs/${key}/members/${outsider.id}`)).status).toBe(204);

    const nobody = await as(adminToken).post(`/orgs/${key}/members`, { email: 'nobody@example.test', role: 'member' });
    expect(nobody.status).toBe(404);
    const badRole = await as(adminToken).post(`/orgs/${key}/members`, { email: outsider.email, role: 'superuser' });
    expect(badRole.status).toBe(400);
    const notMember = await as(adminToken).patch(`/orgs/${key}/members/${outsider.id}`, { role: 'member' });
    expect(notMember.status).toBe(404);
    expect((await as(adminToken).delete(`/orgs/${key}/members/not-a-uuid`)).status).toBe(400);
  });

  it('keeps the last owner: they can neither leave nor be demoted until another owner exists', async () => {
    const key = await populated();
    const leave = await as(ownerToken).delete(`/orgs/${key}/members/${owner.id}`);
    expect(leave.status).toBe(409);
    expect(leave.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect((await as(ownerToken).patch(`/orgs/${key}/members/${owner.id}`, { role: 'admin' })).status).toBe(409);

    expect((await as(ownerToken).patch(`/orgs/${key}/members/${admin.id}`, { role: 'owner' })).status).toBe(200);
    expect((await as(ownerToken).patch(`/orgs/${key}/members/${owner.id}`, { role: 'admin' })).status).toBe(200);
    // The admin-turned-owner is now the last owner; the former owner (now admin) cannot remove them.
    expect((await as(ownerToken).delete(`/orgs/${key}/members/${admin.id}`)).status).toBe(403);
    expect((await as(adminToken).delete(`/orgs/${key}/members/${admin.id}`)).status).toBe(409);
    // Any member may leave.
    expect((await as(memberToken).delete(`/orgs/${key}/members/${member.id}`)).status).toBe(204);
    expect((await as(memberToken).get(`/orgs/${key}`)).status).toBe(404);
  });

  it('never leaves an organization without an owner when two owners demote each other at once', async () => {
    const key = await anOrganization(server, ownerToken);
    await addMember(server, ownerToken, key, admin, 'owner');
    const [first, second] = await Promise.all([
      as(ownerToken).patch(`/orgs/${key}/members/${admin.id}`, { role: 'member' }),
      as(adminToken).patch(`/orgs/${key}/members/${owner.id}`, { role: 'member' }),
    ]);
    // One demotion wins; the other finds its target the last owner (409) or its own role gone (403).
    expect([first.status, second.status].filter((status) => status === 200)).toHaveLength(1);
    expect([403, 409]).toContain([first.status, second.status].find((status) => status !== 200));
    const owners = await server.dataSource.query<{ role: string }[]>(
      "SELECT m.role FROM organization_members m JOIN organizations o ON o.id = m.organization_id WHERE o.org_key = ? AND m.role = 'owner'",
      [key],
    );
    expect(owners).toHaveLength(1);
  });

  it('registers org apps for owners and admins, lists them apart from personal apps', async () => {
    const key = await populated();
    const created = await as(adminToken).post(`/orgs/${key}/clients`, { name: 'Org app' });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const app = created.body as { client_id: string; client_secret: string };
    expect(app.client_secret.length).toBeGreaterThanOrEqual(43);
    const listed = await as(ownerToken).get(`/orgs/${key}/clients`);
    expect((listed.body as { items: { client_id: string }[] }).items.map((c) => c.client_id)).toEqual([app.client_id]);
    const personal = await server.http
      .get('/clients')
      .auth(await signIn(server, admin, 'clients:read'), { type: 'bearer' });
    expect((personal.body as { items: { client_id: string }[] }).items.map((c) => c.client_id)).not.toContain(
      app.client_id,
    );
    const row = await server.dataSource.query<{ owner_id: string | null; organization_id: string }[]>(
      'SELECT owner_id, organization_id FROM clients WHERE client_id = ?',
      [app.client_id],
    );
    expect(row[0].owner_id).toBeNull();
    expect(row[0].organization_id).toEqual(expect.any(String));
  });

  it("refuses an organization's app past QUOTA_APPS_PER_ORG (default 50) with 409", async () => {
    const key = await anOrganization(server, ownerToken);
    expect(server.config.quotas.appsPerOrganization).toBe(50);
    for (let i = 0; i < server.config.quotas.appsPerOrganization; i++) {
      expect((await as(ownerToken).post(`/orgs/${key}/clients`, { name: `App ${i}` })).status).toBe(201);
    }
    const over = await as(ownerToken).post(`/orgs/${key}/clients`, { name: 'One too many' });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
  });

  it('audits every change with the acting user and the organization key', async () => {
    const key = await populated();
    await as(ownerToken).patch(`/orgs/${key}`, { name: 'Audited' });
    await as(ownerToken).patch(`/orgs/${key}/members/${member.id}`, { role: 'admin' });
    await as(ownerToken).delete(`/orgs/${key}/members/${member.id}`);
    await as(ownerToken).delete(`/orgs/${key}`);
    const rows = await server.dataSource.query<{ type: string; actor_user_id: string }[]>(
      'SELECT type, actor_user_id FROM audit_events WHERE subject = ? ORDER BY created_at',
      [key],
    );
    expect(rows.map((row) => row.type)).toEqual([
      'org.created',
      'org.member_added',
      'org.member_added',
      'org.updated',
      'org.member_updated',
      'org.member_removed',
      'org.deleted',
    ]);
    expect(new Set(rows.map((row) => row.actor_user_id))).toEqual(new Set([owner.id]));
  });
});

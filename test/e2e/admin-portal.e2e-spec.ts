import { randomUUID } from 'node:crypto';
import { sha256Hex } from '../../src/common/crypto/secrets';
import { RefreshToken } from '../../src/refresh-tokens/refresh-token.entity';
import { aClient, anAdmin, aUser, signIn, TestUser } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('admin portal (/admin/*)', () => {
  let server: TestApp;
  let admin: TestUser;
  let adminToken: string;
  let user: TestUser;
  let userToken: string;

  beforeAll(async () => {
    server = await startTestApp();
    admin = await anAdmin(server);
    adminToken = await signIn(server, admin, 'admin profile clients:write');
    user = await aUser(server);
    userToken = await signIn(server, user);
  });
  afterAll(() => server.close());

  const asAdmin = <T extends { auth: (token: string, options: { type: 'bearer' }) => T }>(request: T): T =>
    request.auth(adminToken, { type: 'bearer' });

  const insertRefreshToken = async (userId: string, clientInternalId: string): Promise<string> => {
    const tokens = server.dataSource.getRepository(RefreshToken);
    const token = tokens.create({
      tokenHash: sha256Hex(randomUUID()),
      familyId: randomUUID(),
      userId,
      clientId: clientInternalId,
      scope: ['profile'],
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    await tokens.insert(token);
    return token.id;
  };
  const revokedAt = async (tokenId: string): Promise<unknown> => {
    const [row] = await server.dataSource.query<{ revoked_at: unknown }[]>(
      'SELECT revoked_at FROM refresh_tokens WHERE id = ?',
      [tokenId],
    );
    return row?.revoked_at;
  };
  const internalId = async (clientId: string): Promise<string> => {
    const [row] = await server.dataSource.query<{ id: string }[]>('SELECT id FROM clients WHERE client_id = ?', [
      clientId,
    ]);
    return row.id;
  };
  const auditTypes = async (subject: string): Promise<string[]> => {
    const rows = await server.dataSource.query<{ type: string }[]>(
      'SELECT type FROM audit_events WHERE subject = ? AND actor_user_id = ? ORDER BY created_at',
      [subject, admin.id],
    );
    return rows.map((row) => row.type);
  };

  it('refuses a non-admin with 403 on every admin route, and an anonymous caller with 401', async () => {
    for (const path of ['/admin/users', '/admin/clients', '/admin/scopes', '/admin/audit']) {
      const response = await server.http.get(path).auth(userToken, { type: 'bearer' });
      expect(response.status).toBe(403);
      expect(response.headers['www-authenticate']).toContain('insufficient_scope');
      expect((await server.http.get(path)).status).toBe(401);
    }
    expect(
      (await server.http.patch(`/admin/users/${user.id}`).auth(userToken, { type: 'bearer' }).send({ is_admin: true }))
        .status,
    ).toBe(403);
  });

  it('refuses a non-admin who asks for the admin scope at sign-in (invalid_scope)', async () => {
    const response = await server.http.post('/oauth/token').type('form').send({
      grant_type: 'password',
      client_id: 'portal',
      username: user.email,
      password: user.password,
      scope: 'admin',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_scope' });
  });

  describe('users', () => {
    it('lists users paginated, searching by email, never with a password hash', async () => {
      const found = await asAdmin(
        server.http.get(`/admin/users?email=${encodeURIComponent(user.email.toUpperCase())}`),
      );
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({
        total: 1,
        items: [{ id: user.id, email: user.email, is_admin: false, disabled: false }],
      });
      expect(JSON.stringify(found.body)).not.toMatch(/hash|argon/);
      const page = await asAdmin(server.http.get('/admin/users?limit=1&offset=0'));
      expect((page.body as { items: unknown[]; total: number }).items).toHaveLength(1);
      expect((page.body as { total: number }).total).toBeGreaterThanOrEqual(2);
      const wildcard = await asAdmin(server.http.get('/admin/users?email=%25'));
      expect((wildcard.body as { total: number }).total).toBe(0);
      expect((await asAdmin(server.http.get('/admin/users?limit=1000'))).status).toBe(400);
    });

    it('reads a user; unknown is 404 and a malformed id 400', async () => {
      expect((await asAdmin(server.http.get(`/admin/users/${user.id}`))).body).toMatchObject({ email: user.email });
      expect((await asAdmin(server.http.get(`/admin/users/${randomUUID()}`))).status).toBe(404);
      expect((await asAdmin(server.http.get('/admin/users/not-a-uuid'))).status).toBe(400);
    });

    it('disables a user: their refresh tokens are revoked, sign-in fails, and it is audited; then re-enables', async () => {
      const victim = await aUser(server);
      const tokenId = await insertRefreshToken(victim.id, await internalId('portal'));
      const response = await asAdmin(server.http.patch(`/admin/users/${victim.id}`)).send({
        disabled: true,
        name: 'Gone',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ disabled: true, name: 'Gone' });
      expect(await revokedAt(tokenId)).not.toBeNull();
      await expect(signIn(server, victim)).rejects.toThrow(/400/);
      expect(await auditTypes(victim.id)).toContain('admin.user_updated');
      const [event] = await server.dataSource.query<{ ip: string; details: string }[]>(
        'SELECT ip, details FROM audit_events WHERE subject = ? AND type = ?',
        [victim.id, 'admin.user_updated'],
      );
      expect(event.ip).toBe('127.0.0.1');
      expect(JSON.parse(event.details)).toEqual({ disabled: true, name: 'Gone' });
      await asAdmin(server.http.patch(`/admin/users/${victim.id}`))
        .send({ disabled: false })
        .expect(200);
      await expect(signIn(server, victim)).resolves.toEqual(expect.any(String));
    });

    it('makes and unmakes an admin; a demoted admin’s token stops working on /admin at once', async () => {
      const helper = await aUser(server);
      await asAdmin(server.http.patch(`/admin/users/${helper.id}`))
        .send({ is_admin: true })
        .expect(200);
      const helperToken = await signIn(server, helper, 'admin');
      expect((await server.http.get('/admin/users').auth(helperToken, { type: 'bearer' })).status).toBe(200);
      await asAdmin(server.http.patch(`/admin/users/${helper.id}`))
        .send({ is_admin: false })
        .expect(200);
      expect((await server.http.get('/admin/users').auth(helperToken, { type: 'bearer' })).status).toBe(403);
    });

    it('answers 409 when an admin disables, un-admins or deletes themselves', async () => {
      expect((await asAdmin(server.http.patch(`/admin/users/${admin.id}`)).send({ disabled: true })).status).toBe(409);
      expect((await asAdmin(server.http.patch(`/admin/users/${admin.id}`)).send({ is_admin: false })).status).toBe(409);
      expect((await asAdmin(server.http.delete(`/admin/users/${admin.id}`))).status).toBe(409);
      expect((await asAdmin(server.http.get(`/admin/users/${admin.id}`))).body).toMatchObject({
        is_admin: true,
        disabled: false,
      });
    });

    it('refuses unknown fields and wrong types, naming each', async () => {
      const response = await asAdmin(server.http.patch(`/admin/users/${user.id}`)).send({
        disabled: 'yes',
        is_admin: 1,
        email: 'x@y.z',
      });
      expect(response.status).toBe(400);
      const message = (response.body as { message: string[] }).message;
      for (const field of ['disabled', 'is_admin', 'email'])
        expect(message.some((line) => line.includes(field))).toBe(true);
    });

    it('deletes a user with their apps, and audits it', async () => {
      const leaving = await aUser(server);
      const app = await aClient(server, await signIn(server, leaving));
      expect((await asAdmin(server.http.delete(`/admin/users/${leaving.id}`))).status).toBe(204);
      expect((await asAdmin(server.http.get(`/admin/users/${leaving.id}`))).status).toBe(404);
      expect((await asAdmin(server.http.get(`/admin/clients/${app.client_id}`))).status).toBe(404);
      expect(await auditTypes(leaving.id)).toEqual(['admin.user_deleted']);
    });
  });

  describe('clients', () => {
    it('lists every client with its owner and reads one, never with a secret', async () => {
      const app = await aClient(server, userToken);
      const list = await asAdmin(server.http.get(`/admin/clients?owner=${user.id}`));
      expect(list.status).toBe(200);
      const page = list.body as { items: { client_id: string; owner: unknown }[]; total: number };
      expect(page.items.find((item) => item.client_id === app.client_id)?.owner).toEqual({
        id: user.id,
        email: user.email,
      });
      const all = await asAdmin(server.http.get('/admin/clients?limit=100'));
      const portal = (all.body as { items: { client_id: string; owner: unknown }[] }).items.find(
        (c) => c.client_id === 'portal',
      );
      expect(portal?.owner).toBeNull();
      expect(JSON.stringify(all.body)).not.toMatch(/secret/);
      const one = await asAdmin(server.http.get(`/admin/clients/${app.client_id}`));
      expect(one.body).toMatchObject({
        client_id: app.client_id,
        disabled: false,
        can_introspect: false,
        access_token_ttl: null,
      });
    });

    it('grants admin-only scopes, sets lifetimes and introspection, and audits the change', async () => {
      const app = await aClient(server, userToken);
      const response = await asAdmin(server.http.patch(`/admin/clients/${app.client_id}`)).send({
        scopes: ['admin', 'profile'],
        can_introspect: true,
        access_token_ttl: 600,
        refresh_token_ttl: 7200,
        name: 'Trusted',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        scopes: ['admin', 'profile'],
        can_introspect: true,
        access_token_ttl: 600,
        refresh_token_ttl: 7200,
        name: 'Trusted',
      });
      const cleared = await asAdmin(server.http.patch(`/admin/clients/${app.client_id}`)).send({
        access_token_ttl: null,
      });
      expect(cleared.body).toMatchObject({ access_token_ttl: null, refresh_token_ttl: 7200 });
      expect(await auditTypes(app.client_id)).toEqual(['admin.client_updated', 'admin.client_updated']);
      const [event] = await server.dataSource.query<{ details: string }[]>(
        'SELECT details FROM audit_events WHERE subject = ? AND type = ? ORDER BY created_at LIMIT 1',
        [app.client_id, 'admin.client_updated'],
      );
      expect(JSON.parse(event.details)).toMatchObject({ access_token_ttl: 600, refresh_token_ttl: 7200 });
    });

    it.each([
      [{ scopes: ['nope'] }, 'scopes'],
      [{ access_token_ttl: 5 }, 'access_token_ttl'],
      [{ grant_types: ['implicit'] }, 'grant_types'],
      [{ disabled: 'no' }, 'disabled'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const app = await aClient(server, userToken);
      const response = await asAdmin(server.http.patch(`/admin/clients/${app.client_id}`)).send(body);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
    });

    it('marks an app first_party (admins only) and shows the portal client as first-party', async () => {
      const app = await aClient(server, userToken);
      expect((await asAdmin(server.http.get(`/admin/clients/${app.client_id}`))).body).toMatchObject({
        first_party: false,
      });
      expect((await asAdmin(server.http.get('/admin/clients/portal'))).body).toMatchObject({ first_party: true });
      const marked = await asAdmin(server.http.patch(`/admin/clients/${app.client_id}`)).send({ first_party: true });
      expect(marked.status).toBe(200);
      expect(marked.body).toMatchObject({ first_party: true });
      expect(await auditTypes(app.client_id)).toEqual(['admin.client_updated']);
      const byOwner = await server.http
        .patch(`/clients/${app.client_id}`)
        .auth(userToken, { type: 'bearer' })
        .send({ first_party: true });
      expect(byOwner.status).toBe(400);
      const asUser = await server.http
        .patch(`/admin/clients/${app.client_id}`)
        .auth(userToken, { type: 'bearer' })
        .send({ first_party: true });
      expect(asUser.status).toBe(403);
      const wrongType = await asAdmin(server.http.patch(`/admin/clients/${app.client_id}`)).send({
        first_party: 'yes',
      });
      expect(wrongType.status).toBe(400);
      expect(JSON.stringify(wrongType.body)).toContain('first_party');
    });

    it('disables a client: it can no longer authenticate and its refresh tokens are revoked', async () => {
      const app = await aClient(server, userToken, { grant_types: ['client_credentials'] });
      const tokenId = await insertRefreshToken(user.id, await internalId(app.client_id));
      await asAdmin(server.http.patch(`/admin/clients/${app.client_id}`))
        .send({ disabled: true })
        .expect(200);
      expect(await revokedAt(tokenId)).not.toBeNull();
      const token = await server.http
        .post('/oauth/token')
        .auth(app.client_id, app.client_secret ?? '')
        .type('form')
        .send({ grant_type: 'client_credentials' });
      expect(token.status).toBe(401);
    });

    it('deletes a client, revoking its refresh tokens, and audits it', async () => {
      const app = await aClient(server, userToken);
      const id = await internalId(app.client_id);
      await insertRefreshToken(user.id, id);
      expect((await asAdmin(server.http.delete(`/admin/clients/${app.client_id}`))).status).toBe(204);
      const live = await server.dataSource.query<unknown[]>(
        'SELECT id FROM refresh_tokens WHERE client_id = ? AND revoked_at IS NULL',
        [id],
      );
      expect(live).toHaveLength(0);
      expect(await auditTypes(app.client_id)).toEqual(['admin.client_deleted']);
      expect((await asAdmin(server.http.delete(`/admin/clients/${app.client_id}`))).status).toBe(404);
    });
  });

  describe('scopes', () => {
    it('creates, reads, lists, changes and deletes a scope', async () => {
      const created = await asAdmin(server.http.post('/admin/scopes')).send({
        name: 'invoices.read',
        description: 'Invoices',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'invoices.read',
        description: 'Invoices',
        is_default: false,
        admin_only: false,
      });
      expect((await asAdmin(server.http.post('/admin/scopes')).send({ name: 'invoices.read' })).status).toBe(409);
      const changed = await asAdmin(server.http.patch('/admin/scopes/invoices.read')).send({ is_default: true });
      expect(changed.body).toMatchObject({ is_default: true });
      const list = await asAdmin(server.http.get('/admin/scopes?limit=100'));
      expect((list.body as { items: { name: string }[] }).items.map((s) => s.name)).toEqual(
        expect.arrayContaining(['profile', 'admin', 'openid', 'invoices.read']),
      );
      expect((await asAdmin(server.http.delete('/admin/scopes/invoices.read'))).status).toBe(204);
      expect((await asAdmin(server.http.get('/admin/scopes/invoices.read'))).status).toBe(404);
      expect(await auditTypes('invoices.read')).toEqual([
        'admin.scope_created',
        'admin.scope_updated',
        'admin.scope_deleted',
      ]);
    });

    it.each(['has space', 'quo"te', 'back\\slash', '', 'é'])(
      'refuses the scope name %j (RFC 6749 §3.3)',
      async (name) => {
        const response = await asAdmin(server.http.post('/admin/scopes')).send({ name });
        expect(response.status).toBe(400);
        expect(JSON.stringify(response.body)).toContain('name');
      },
    );

    it('answers 409 when deleting a scope a client is still allowed, and matches whole names only', async () => {
      await asAdmin(server.http.post('/admin/scopes')).send({ name: 'reports' }).expect(201);
      await asAdmin(server.http.post('/admin/scopes')).send({ name: 'reports_all' }).expect(201);
      const app = await aClient(server, userToken, { scopes: ['profile', 'reports_all'] });
      expect((await asAdmin(server.http.delete('/admin/scopes/reports_all'))).status).toBe(409);
      expect((await asAdmin(server.http.delete('/admin/scopes/reports'))).status).toBe(204);
      await server.http.delete(`/clients/${app.client_id}`).auth(userToken, { type: 'bearer' }).expect(204);
      expect((await asAdmin(server.http.delete('/admin/scopes/reports_all'))).status).toBe(204);
    });
  });

  describe('audit', () => {
    it('lists events newest first, filtered by type, user, client and time', async () => {
      const app = await aClient(server, userToken);
      await server.http.post(`/clients/${app.client_id}/secret`).auth(userToken, { type: 'bearer' }).expect(200);

      const byClient = await asAdmin(server.http.get(`/admin/audit?client=${app.client_id}`));
      expect(byClient.status).toBe(200);
      const items = (byClient.body as { items: { type: string; actor_user_id: string; created_at: string }[] }).items;
      expect(items.map((event) => event.type)).toEqual(['client.secret_rotated', 'client.created']);
      expect(items[0].actor_user_id).toBe(user.id);

      const byType = await asAdmin(server.http.get(`/admin/audit?type=client.secret_rotated&user=${user.id}`));
      expect(
        (byType.body as { items: { type: string }[] }).items.every((event) => event.type === 'client.secret_rotated'),
      ).toBe(true);

      const future = await asAdmin(server.http.get(`/admin/audit?client=${app.client_id}&from=2999-01-01T00:00:00Z`));
      expect(future.body).toEqual({ items: [], total: 0 });
      const past = await asAdmin(server.http.get(`/admin/audit?client=${app.client_id}&to=2000-01-01T00:00:00Z`));
      expect((past.body as { total: number }).total).toBe(0);
      const window = await asAdmin(
        server.http.get(
          `/admin/audit?client=${app.client_id}&from=${encodeURIComponent(items[1].created_at)}&to=2999-01-01T00:00:00Z`,
        ),
      );
      expect((window.body as { total: number }).total).toBe(2);
      expect(JSON.stringify(byClient.body)).not.toMatch(/secret"|client_secret/);

      expect((await asAdmin(server.http.get('/admin/audit?from=yesterday'))).status).toBe(400);
    });
  });
});

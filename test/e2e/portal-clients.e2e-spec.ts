import { randomUUID } from 'node:crypto';
import { sha256Hex } from '../../src/common/crypto/secrets';
import { RefreshToken } from '../../src/refresh-tokens/refresh-token.entity';
import { aClient, aUser, signIn, TestUser } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';

interface ClientRow {
  id: string;
  client_id: string;
  secret_hash: string | null;
}

describe('developer portal (/clients)', () => {
  let server: TestApp;
  let alice: TestUser;
  let aliceToken: string;
  let bob: TestUser;
  let bobToken: string;

  beforeAll(async () => {
    server = await startTestApp();
    alice = await aUser(server);
    bob = await aUser(server);
    aliceToken = await signIn(server, alice);
    bobToken = await signIn(server, bob);
  });
  afterAll(() => server.close());

  const clientRow = async (clientId: string): Promise<ClientRow | undefined> => {
    const [row] = await server.dataSource.query<ClientRow[]>('SELECT * FROM clients WHERE client_id = ?', [clientId]);
    return row;
  };
  const clientCount = async (): Promise<number> => {
    const [row] = await server.dataSource.query<{ n: number | string }[]>('SELECT COUNT(*) AS n FROM clients');
    return Number(row.n);
  };
  /** Whether the token endpoint accepts the client's credentials (client_credentials grant). */
  const secretWorks = async (clientId: string, secret: string): Promise<boolean> => {
    const response = await server.http
      .post('/oauth/token')
      .auth(clientId, secret)
      .type('form')
      .send({ grant_type: 'client_credentials', scope: 'profile' });
    if (response.status !== 200 && response.status !== 401) {
      throw new Error(`unexpected ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.status === 200;
  };

  it('registers a confidential app: a 43+ character secret shown once, only its SHA-256 hash stored', async () => {
    const response = await server.http
      .post('/clients')
      .auth(aliceToken, { type: 'bearer' })
      .send({ name: '  Contacts app  ', grant_types: ['password', 'refresh_token', 'client_credentials'] });
    expect(response.status).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.body as Record<string, unknown> & { client_id: string; client_secret: string };
    expect(Object.keys(body).sort()).toEqual(
      [
        'client_id',
        'client_secret',
        'confidential',
        'created_at',
        'grant_types',
        'name',
        'post_logout_redirect_uris',
        'redirect_uris',
        'scopes',
        'updated_at',
      ].sort(),
    );
    expect(body).toMatchObject({
      name: 'Contacts app',
      confidential: true,
      grant_types: ['password', 'refresh_token', 'client_credentials'],
      scopes: ['clients:read', 'clients:write', 'contacts.read', 'contacts.write', 'profile'],
    });
    expect(body.client_secret.length).toBeGreaterThanOrEqual(43);

    const row = await clientRow(body.client_id);
    expect(row?.secret_hash).toBe(sha256Hex(body.client_secret));
    expect(JSON.stringify(row)).not.toContain(body.client_secret);
    expect(await secretWorks(body.client_id, body.client_secret)).toBe(true);
  });

  it('registers a public app without a secret, defaulting to password and refresh_token', async () => {
    const client = await aClient(server, aliceToken, { confidential: false, scopes: ['profile'] });
    expect(client.client_secret).toBeUndefined();
    expect(client).toMatchObject({
      confidential: false,
      grant_types: ['password', 'refresh_token'],
      scopes: ['profile'],
    });
    expect((await clientRow(client.client_id))?.secret_hash).toBeNull();
  });

  it('never shows a secret when listing or reading, and lists only the caller’s apps, paginated', async () => {
    const mine = await aClient(server, bobToken);
    await aClient(server, bobToken);
    const list = await server.http.get('/clients?limit=1&offset=0').auth(bobToken, { type: 'bearer' });
    expect(list.status).toBe(200);
    const page = list.body as { items: Record<string, unknown>[]; total: number };
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const all = await server.http.get('/clients').auth(bobToken, { type: 'bearer' });
    const text = JSON.stringify(all.body);
    expect(text).not.toContain('secret');
    expect(text).not.toContain(mine.client_secret);
    const one = await server.http.get(`/clients/${mine.client_id}`).auth(bobToken, { type: 'bearer' });
    expect(one.status).toBe(200);
    expect(JSON.stringify(one.body)).not.toContain('secret');
  });

  it('answers 404 when another user reads, changes, rotates or deletes an app, and changes nothing', async () => {
    const app = await aClient(server, aliceToken);
    const asBob = (request: ReturnType<TestApp['http']['get']>) => request.auth(bobToken, { type: 'bearer' });
    expect((await asBob(server.http.get(`/clients/${app.client_id}`))).status).toBe(404);
    expect((await asBob(server.http.patch(`/clients/${app.client_id}`)).send({ name: 'stolen' })).status).toBe(404);
    expect((await asBob(server.http.post(`/clients/${app.client_id}/secret`))).status).toBe(404);
    expect((await asBob(server.http.delete(`/clients/${app.client_id}`))).status).toBe(404);
    const row = await clientRow(app.client_id);
    expect(row?.secret_hash).toBe(sha256Hex(app.client_secret ?? ''));
    const own = await server.http.get(`/clients/${app.client_id}`).auth(aliceToken, { type: 'bearer' });
    expect(own.body).toMatchObject({ name: app.name });
  });

  it('changes name, grant types and scopes of one’s own app', async () => {
    const app = await aClient(server, aliceToken);
    const response = await server.http
      .patch(`/clients/${app.client_id}`)
      .auth(aliceToken, { type: 'bearer' })
      .send({ name: 'Renamed', grant_types: ['client_credentials'], scopes: ['contacts.read'] });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'Renamed',
      grant_types: ['client_credentials'],
      scopes: ['contacts.read'],
    });
  });

  it.each([
    ['an admin-only scope', { name: 'x', scopes: ['admin'] }, 'scopes: "admin" is restricted to admins'],
    ['an unknown scope', { name: 'x', scopes: ['nope'] }, 'scopes: "nope" does not exist'],
    [
      'client_credentials for a public client',
      { name: 'x', confidential: false, grant_types: ['client_credentials'] },
      'grant_types: client_credentials needs a confidential client',
    ],
  ])('refuses %s with 400 and registers nothing', async (_case, body, message) => {
    const before = await clientCount();
    const response = await server.http.post('/clients').auth(aliceToken, { type: 'bearer' }).send(body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ message });
    expect(await clientCount()).toBe(before);
  });

  it('refuses bad bodies with 400 naming every failing field', async () => {
    const before = await clientCount();
    const response = await server.http
      .post('/clients')
      .auth(aliceToken, { type: 'bearer' })
      .send({ name: 7, grant_types: ['implicit'], scopes: 'profile', confidential: 'yes', owner_id: 'x' });
    expect(response.status).toBe(400);
    const message = (response.body as { message: string[] }).message;
    for (const field of ['name', 'grant_types', 'scopes', 'confidential', 'owner_id']) {
      expect(message.some((line) => line.includes(field))).toBe(true);
    }
    expect(await clientCount()).toBe(before);
  });

  it('needs the clients:write scope to register and clients:read to list', async () => {
    const readOnly = await signIn(server, alice, 'clients:read');
    expect((await server.http.post('/clients').auth(readOnly, { type: 'bearer' }).send({ name: 'x' })).status).toBe(
      403,
    );
    const writeOnly = await signIn(server, alice, 'clients:write');
    expect((await server.http.get('/clients').auth(writeOnly, { type: 'bearer' })).status).toBe(403);
    expect((await server.http.get('/clients')).status).toBe(401);
  });

  it('rotates the secret: the new one is returned once and the old one stops working at once', async () => {
    const app = await aClient(server, aliceToken, { grant_types: ['client_credentials'] });
    const oldSecret = app.client_secret ?? '';
    expect(await secretWorks(app.client_id, oldSecret)).toBe(true);
    const response = await server.http.post(`/clients/${app.client_id}/secret`).auth(aliceToken, { type: 'bearer' });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const newSecret = (response.body as { client_secret: string }).client_secret;
    expect(newSecret.length).toBeGreaterThanOrEqual(43);
    expect(newSecret).not.toBe(oldSecret);
    expect(await secretWorks(app.client_id, oldSecret)).toBe(false);
    expect(await secretWorks(app.client_id, newSecret)).toBe(true);
    expect((await clientRow(app.client_id))?.secret_hash).toBe(sha256Hex(newSecret));
  });

  it('ends 50 concurrent rotations with exactly one working secret, one of those returned', async () => {
    const app = await aClient(server, aliceToken, { grant_types: ['client_credentials'] });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        server.http.post(`/clients/${app.client_id}/secret`).auth(aliceToken, { type: 'bearer' }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    const secrets = responses.map((response) => (response.body as { client_secret: string }).client_secret);
    expect(new Set(secrets).size).toBe(50);
    const stored = (await clientRow(app.client_id))?.secret_hash;
    expect(secrets.filter((secret) => sha256Hex(secret) === stored)).toHaveLength(1);
    const working = await Promise.all([...secrets, app.client_secret ?? ''].map((s) => secretWorks(app.client_id, s)));
    expect(working.filter(Boolean)).toHaveLength(1);
  });

  it('refuses to rotate the secret of a public client', async () => {
    const app = await aClient(server, aliceToken, { confidential: false });
    const response = await server.http.post(`/clients/${app.client_id}/secret`).auth(aliceToken, { type: 'bearer' });
    expect(response.status).toBe(400);
  });

  it('deletes an app: its refresh tokens are revoked, and the deletion is audited', async () => {
    const app = await aClient(server, aliceToken);
    const row = await clientRow(app.client_id);
    const tokens = server.dataSource.getRepository(RefreshToken);
    const token = tokens.create({
      id: randomUUID(),
      tokenHash: sha256Hex(randomUUID()),
      familyId: randomUUID(),
      userId: alice.id,
      clientId: row?.id ?? '',
      scope: ['profile'],
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    await tokens.insert(token);

    const response = await server.http.delete(`/clients/${app.client_id}`).auth(aliceToken, { type: 'bearer' });
    expect(response.status).toBe(204);
    expect(await clientRow(app.client_id)).toBeUndefined();
    const live = await server.dataSource.query<unknown[]>(
      'SELECT id FROM refresh_tokens WHERE client_id = ? AND revoked_at IS NULL',
      [row?.id],
    );
    expect(live).toHaveLength(0);
    const events = await server.dataSource.query<{ actor_user_id: string; ip: string }[]>(
      'SELECT actor_user_id, ip FROM audit_events WHERE type = ? AND client_id = ?',
      ['client.deleted', app.client_id],
    );
    expect(events).toEqual([{ actor_user_id: alice.id, ip: '127.0.0.1' }]);
    expect((await server.http.get(`/clients/${app.client_id}`).auth(aliceToken, { type: 'bearer' })).status).toBe(404);
  });
});

import { aClient, aUser, signIn } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';
import { anOrganization, ORG_SCOPES } from './organizations/org-fixtures';

const SCOPES = `${ORG_SCOPES} clients:read clients:write contacts.read contacts.write`;

/** Issue #10 item 12: what one account can make the server store is bounded, and so is how fast it writes. */
describe('quotas: apps per user and per organization, contacts per user (409 past them)', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({
      RATE_LIMIT_ENABLED: 'false',
      QUOTA_APPS_PER_USER: '3',
      QUOTA_APPS_PER_ORG: '2',
      QUOTA_CONTACTS_PER_USER: '4',
    });
  });
  afterAll(() => server.close());

  const newUserToken = async (): Promise<string> => signIn(server, await aUser(server), SCOPES);
  const count = async (sql: string, id: string): Promise<number> =>
    Number((await server.dataSource.query<{ n: number | string }[]>(sql, [id]))[0].n);
  const userIdOf = async (token: string): Promise<string> =>
    ((await server.http.get('/users/me').auth(token, { type: 'bearer' })).body as { id: string }).id;

  it('refuses a user app past QUOTA_APPS_PER_USER, and takes one again after a delete', async () => {
    const token = await newUserToken();
    const apps = [await aClient(server, token), await aClient(server, token), await aClient(server, token)];
    const over = await server.http.post('/clients').auth(token, { type: 'bearer' }).send({ name: 'One too many' });
    expect(over.status).toBe(409);
    expect(over.body).toEqual({ statusCode: 409, error: 'Conflict', message: expect.stringMatching(/at most 3 apps/) });
    await server.http.delete(`/clients/${apps[0].client_id}`).auth(token, { type: 'bearer' }).expect(204);
    await aClient(server, token);
    // Another user's quota is their own.
    await aClient(server, await newUserToken());
  });

  it('holds the quota when registrations race (one user, many at once)', async () => {
    const token = await newUserToken();
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        server.http
          .post('/clients')
          .auth(token, { type: 'bearer' })
          .send({ name: `Racer ${i}` })
          .then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(5);
    expect(await count('SELECT COUNT(*) AS n FROM clients WHERE owner_id = ?', await userIdOf(token))).toBe(3);
  });

  it("refuses an organization's app past QUOTA_APPS_PER_ORG; the member's own quota is apart", async () => {
    const token = await newUserToken();
    const key = await anOrganization(server, token);
    const register = () =>
      server.http.post(`/orgs/${key}/clients`).auth(token, { type: 'bearer' }).send({ name: 'Org app' });
    expect((await register()).status).toBe(201);
    expect((await register()).status).toBe(201);
    const over = await register();
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    await aClient(server, token);
  });

  it('refuses a contact past QUOTA_CONTACTS_PER_USER, also when they race', async () => {
    const token = await newUserToken();
    const statuses = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        server.http
          .post('/api/contacts')
          .auth(token, { type: 'bearer' })
          .send({ name: `Contact ${i}` })
          .then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(4);
    expect(statuses.filter((status) => status === 409)).toHaveLength(3);
    expect(await count('SELECT COUNT(*) AS n FROM contacts WHERE owner_id = ?', await userIdOf(token))).toBe(4);
    const over = await server.http.post('/api/contacts').auth(token, { type: 'bearer' }).send({ name: 'More' });
    expect(over.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: expect.stringMatching(/at most 4 contacts/),
    });
  });
});

describe('rate limit on authenticated writes, per user (RATE_LIMIT_WRITES_PER_USER)', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ RATE_LIMIT_WRITES_PER_USER: '5', RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(() => server.close());

  it('answers 429 with Retry-After past the limit, across routes, counting only that user and only writes', async () => {
    const user = await aUser(server);
    const token = await signIn(server, user, SCOPES);
    const as = (request: ReturnType<typeof server.http.post>) => request.auth(token, { type: 'bearer' });
    const writes = [
      as(server.http.post('/api/contacts')).send({ name: 'A' }),
      as(server.http.post('/api/contacts')).send({ name: 'B' }),
      as(server.http.post('/clients')).send({ name: 'App' }),
      as(server.http.post('/orgs')).send({ key: `org-${user.id.slice(0, 8)}`, name: 'Org' }),
      // A write that fails (no such contact) still counts: the limit is on attempts.
      as(server.http.delete('/api/contacts/3f2b8c1e-6a4d-4f1e-9c2a-7b5d0e8f1a23')),
    ];
    for (const write of writes) expect((await write).status).toBeLessThan(429);

    const limited = await as(server.http.post('/api/contacts')).send({ name: 'C' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.any(String) });
    const deleting = await as(server.http.delete('/clients/anything'));
    expect(deleting.status).toBe(429);

    // Reads go on; so do another user's writes.
    await as(server.http.get('/api/contacts')).expect(200);
    const other = await signIn(server, await aUser(server), SCOPES);
    await server.http.post('/api/contacts').auth(other, { type: 'bearer' }).send({ name: 'Other' }).expect(201);
  });
});

import { aClient, aUser, signIn } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

interface ContactBody {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

describe('contacts: a user’s own address book', () => {
  let server: TestApp;
  let alice: string;
  let bob: string;

  const as = (token: string) => ({
    list: (query: Record<string, string | number> = {}) =>
      server.http.get('/api/contacts').query(query).auth(token, { type: 'bearer' }),
    create: (body: object) => server.http.post('/api/contacts').auth(token, { type: 'bearer' }).send(body),
    get: (id: string) => server.http.get(`/api/contacts/${encodeURIComponent(id)}`).auth(token, { type: 'bearer' }),
    update: (id: string, body: object) =>
      server.http
        .patch(`/api/contacts/${encodeURIComponent(id)}`)
        .auth(token, { type: 'bearer' })
        .send(body),
    remove: (id: string) =>
      server.http.delete(`/api/contacts/${encodeURIComponent(id)}`).auth(token, { type: 'bearer' }),
  });

  beforeAll(async () => {
    server = await startTestApp();
    alice = await signIn(server, await aUser(server), 'contacts.read contacts.write');
    bob = await signIn(server, await aUser(server), 'contacts.read contacts.write');
  });

  afterAll(() => server.close());

  it('creates, reads, changes and deletes a contact with a password-grant token', async () => {
    const created = await as(alice).create({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      notes: 'Analytical Engine',
    });
    expect(created.status).toBe(201);
    const contact = created.body as ContactBody;
    expect(contact).toEqual({
      id: expect.any(String),
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      notes: 'Analytical Engine',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    expect((await as(alice).get(contact.id)).body).toEqual(contact);

    const changed = await as(alice).update(contact.id, { name: 'Ada King', phone: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: contact.id, name: 'Ada King', phone: null, email: 'ada@example.com' });

    expect((await as(alice).remove(contact.id)).status).toBe(204);
    expect((await as(alice).get(contact.id)).status).toBe(404);
    expect((await as(alice).remove(contact.id)).status).toBe(404);
  });

  it('keeps users apart: another user’s contact is not found, whatever the method', async () => {
    const { body } = await as(alice).create({ name: 'Private Person' });
    const { id } = body as ContactBody;

    for (const response of [
      await as(bob).get(id),
      await as(bob).update(id, { name: 'Hijacked' }),
      await as(bob).remove(id),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Contact not found' });
    }
    const bobsList = (await as(bob).list({ q: 'Private' })).body as { items: ContactBody[]; total: number };
    expect(bobsList).toEqual({ items: [], total: 0 });
    expect((await as(alice).get(id)).body).toMatchObject({ name: 'Private Person' });
  });

  it('pages and searches the list over name and email, case-insensitively', async () => {
    const token = await signIn(server, await aUser(server), 'contacts.read contacts.write');
    for (const [name, email] of [
      ['Grace Hopper', 'grace@navy.example'],
      ['Alan Turing', 'alan@bletchley.example'],
      ['Katherine Johnson', 'kj@nasa.example'],
      ['100% Percent_Sign', null],
    ]) {
      expect((await as(token).create({ name, email })).status).toBe(201);
    }

    const firstPage = (await as(token).list({ limit: 2, offset: 0 })).body as { items: ContactBody[]; total: number };
    expect(firstPage.total).toBe(4);
    expect(firstPage.items.map((contact) => contact.name)).toEqual(['100% Percent_Sign', 'Alan Turing']);
    const secondPage = (await as(token).list({ limit: 2, offset: 2 })).body as { items: ContactBody[] };
    expect(secondPage.items.map((contact) => contact.name)).toEqual(['Grace Hopper', 'Katherine Johnson']);

    const byName = (await as(token).list({ q: 'GRACE' })).body as { items: ContactBody[]; total: number };
    expect(byName.items.map((contact) => contact.name)).toEqual(['Grace Hopper']);
    const byEmail = (await as(token).list({ q: 'nasa.example' })).body as { items: ContactBody[]; total: number };
    expect(byEmail).toMatchObject({ total: 1, items: [{ name: 'Katherine Johnson' }] });
    // LIKE wildcards in the search term match themselves only.
    const percent = (await as(token).list({ q: '%' })).body as { total: number };
    expect(percent.total).toBe(1);
    const underscore = (await as(token).list({ q: '_' })).body as { total: number };
    expect(underscore.total).toBe(1);
  });

  it.each([
    ['no name', {}, /name/],
    ['an empty name', { name: '' }, /name/],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, /name/],
    ['a malformed email', { name: 'Ok', email: 'not-an-email' }, /email/],
    ['a phone over 50 characters', { name: 'Ok', phone: '1'.repeat(51) }, /phone/],
    ['notes over 2000 characters', { name: 'Ok', notes: 'n'.repeat(2001) }, /notes/],
    ['an unknown field', { name: 'Ok', owner_id: 'someone-else' }, /owner_id/],
    ['a number for a name', { name: 42 }, /name/],
  ])('refuses a body with %s: 400 naming the field', async (_label, body, field) => {
    const response = await as(alice).create(body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(JSON.stringify((response.body as { message: unknown }).message)).toMatch(field);
  });

  it('refuses to clear a name on change', async () => {
    const { id } = (await as(alice).create({ name: 'Keeps a name' })).body as ContactBody;
    expect((await as(alice).update(id, { name: null })).status).toBe(400);
    expect((await as(alice).update(id, { name: '' })).status).toBe(400);
  });

  it.each(['not-a-uuid', 'x'.repeat(90), "' OR 1=1 --", '%'])('answers 404 for the id %j, never 500', async (id) => {
    expect((await as(alice).get(id)).status).toBe(404);
    expect((await as(alice).update(id, { name: 'x' })).status).toBe(404);
    expect((await as(alice).remove(id)).status).toBe(404);
  });

  it('answers a client error for an absurdly long id', async () => {
    const response = await as(alice).get('x'.repeat(5000));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('refuses bad paging parameters with 400', async () => {
    expect((await as(alice).list({ limit: 0 })).status).toBe(400);
    expect((await as(alice).list({ limit: 1000 })).status).toBe(400);
    expect((await as(alice).list({ offset: -1 })).status).toBe(400);
    expect((await as(alice).list({ q: 'q'.repeat(201) })).status).toBe(400);
  });

  it('needs contacts.write to change and contacts.read to read', async () => {
    const user = await aUser(server);
    const readOnly = await signIn(server, user, 'contacts.read');
    const writeOnly = await signIn(server, user, 'contacts.write');

    const refused = await as(readOnly).create({ name: 'Nope' });
    expect(refused.status).toBe(403);
    expect(refused.headers['www-authenticate']).toMatch(/error="insufficient_scope".*scope="contacts.write"/);
    expect((await as(writeOnly).create({ name: 'Yes' })).status).toBe(201);
    const cannotRead = await as(writeOnly).list();
    expect(cannotRead.status).toBe(403);
    expect(cannotRead.headers['www-authenticate']).toMatch(/scope="contacts.read"/);
    expect((await as(readOnly).list()).body).toMatchObject({ total: 1 });
  });

  it('refuses a client_credentials token (no user) with 403 and says why', async () => {
    const portalToken = await signIn(server, await aUser(server), 'clients:write');
    const app = await aClient(server, portalToken, {
      grant_types: ['client_credentials'],
      scopes: ['contacts.read'],
      confidential: true,
    });
    const issued = await server.http
      .post('/oauth/token')
      .auth(app.client_id, app.client_secret ?? '')
      .type('form')
      .send({ grant_type: 'client_credentials', scope: 'contacts.read' });
    expect(issued.status).toBe(200);

    const response = await as((issued.body as { access_token: string }).access_token).list();
    expect(response.status).toBe(403);
    expect(response.headers['www-authenticate']).toMatch(/error="insufficient_scope"/);
    expect(response.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'This route acts for a user; a client_credentials token has none',
    });
  });
});

import { aUser } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('sign-up (POST /users)', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });
  afterAll(() => server.close());

  const userCount = async (): Promise<number> => {
    const [row] = await server.dataSource.query<{ n: number | string }[]>('SELECT COUNT(*) AS n FROM users');
    return Number(row.n);
  };

  it('creates a user and answers 201 with id, email, name, created_at and nothing secret', async () => {
    const response = await server.http
      .post('/users')
      .send({ email: 'Ada.Lovelace@Example.test', password: 'correct horse battery', name: 'Ada' });
    expect(response.status).toBe(201);
    expect(Object.keys(response.body as object).sort()).toEqual(['created_at', 'email', 'id', 'name']);
    expect(response.body).toMatchObject({ email: 'ada.lovelace@example.test', name: 'Ada' });
    const [row] = await server.dataSource.query<{ password_hash: string }[]>(
      'SELECT password_hash FROM users WHERE email = ?',
      ['ada.lovelace@example.test'],
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(JSON.stringify(response.body)).not.toContain('correct horse');
  });

  it('answers 409 for a taken email, whatever its case', async () => {
    const user = await aUser(server);
    const response = await server.http
      .post('/users')
      .send({ email: user.email.toUpperCase(), password: 'another-password-1' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
  });

  it('lets exactly one of 50 concurrent sign-ups with one email win; the rest get 409', async () => {
    const before = await userCount();
    const body = { email: 'race@example.test', password: 'race-password-123' };
    const responses = await Promise.all(Array.from({ length: 50 }, () => server.http.post('/users').send(body)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    expect(await userCount()).toBe(before + 1);
  });

  it.each([
    ['an invalid email', { email: 'not-an-email', password: 'long-enough-password' }, ['email']],
    ['a short password', { email: 'short@example.test', password: 'short' }, ['password']],
    ['a password over 128 characters', { email: 'long@example.test', password: 'x'.repeat(129) }, ['password']],
    ['the email as password', { email: 'same@example.test', password: 'SAME@example.test' }, ['password']],
    ['wrong types', { email: 42, password: ['a'], name: { x: 1 } }, ['email', 'password', 'name']],
    [
      'unknown fields',
      { email: 'u@example.test', password: 'long-enough-1', is_admin: true, role: 'x' },
      ['is_admin', 'role'],
    ],
    ['an empty body', {}, ['email', 'password']],
  ])('refuses %s with 400 naming every failing field, and writes nothing', async (_case, body, fields) => {
    const before = await userCount();
    const response = await server.http.post('/users').send(body);
    expect(response.status).toBe(400);
    const message = (response.body as { message: string[] }).message;
    expect(Array.isArray(message)).toBe(true);
    for (const field of fields) expect(message.some((line) => line.includes(field))).toBe(true);
    expect(await userCount()).toBe(before);
  });

  it('refuses a 10 MB body with 413 and writes nothing', async () => {
    const before = await userCount();
    const response = await server.http
      .post('/users')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ email: 'big@example.test', password: 'p'.repeat(10 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413 });
    expect(await userCount()).toBe(before);
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await server.http.post('/users').set('content-type', 'application/json').send('{"email":');
    expect(response.status).toBe(400);
  });
});

describe('sign-up turned off (SIGNUP_ENABLED=false)', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ SIGNUP_ENABLED: 'false' });
  });
  afterAll(() => server.close());

  it('answers 403 and creates nobody', async () => {
    const response = await server.http.post('/users').send({ email: 'closed@example.test', password: 'long-enough-1' });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ message: 'Sign-up is disabled on this server' });
    const rows = await server.dataSource.query<unknown[]>('SELECT id FROM users WHERE email = ?', [
      'closed@example.test',
    ]);
    expect(rows).toHaveLength(0);
  });
});

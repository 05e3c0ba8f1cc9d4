import { hash } from '@node-rs/argon2';
import { PasswordHasher } from '../../src/users/password-hasher';
import { UsersService } from '../../src/users/users.service';
import { aUser, signIn } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('signed-in user and credentials', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });
  afterAll(() => server.close());

  it('signs up, signs in with the portal client and reads GET /users/me', async () => {
    const user = await aUser(server, { name: 'Grace' });
    const token = await signIn(server, user);
    const me = await server.http.get('/users/me').auth(token, { type: 'bearer' });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: user.id,
      email: user.email,
      name: 'Grace',
      is_admin: false,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
    });
  });

  it('needs the profile scope and a token', async () => {
    const user = await aUser(server);
    const token = await signIn(server, user, 'contacts.read');
    expect((await server.http.get('/users/me').auth(token, { type: 'bearer' })).status).toBe(403);
    expect((await server.http.get('/users/me')).status).toBe(401);
  });

  it('verifies credentials case-insensitively and refuses wrong, unknown and disabled alike', async () => {
    const users = server.app.get(UsersService);
    const user = await aUser(server);
    expect(await users.verifyCredentials(user.email.toUpperCase(), user.password)).toMatchObject({ id: user.id });
    expect(await users.verifyCredentials(user.email, `${user.password}x`)).toBeNull();
    expect(await users.verifyCredentials('nobody@example.test', user.password)).toBeNull();
    await server.dataSource.query('UPDATE users SET disabled = ? WHERE id = ?', [1, user.id]);
    expect(await users.verifyCredentials(user.email, user.password)).toBeNull();
  });

  it('re-hashes a password stored with older argon2 parameters on a successful sign-in', async () => {
    const user = await aUser(server);
    const weak = await hash(user.password, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await server.dataSource.query('UPDATE users SET password_hash = ? WHERE id = ?', [weak, user.id]);
    const hasher = server.app.get(PasswordHasher);
    expect(hasher.needsRehash(weak)).toBe(true);

    expect(await server.app.get(UsersService).verifyCredentials(user.email, user.password)).not.toBeNull();
    const [row] = await server.dataSource.query<{ password_hash: string }[]>(
      'SELECT password_hash FROM users WHERE id = ?',
      [user.id],
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hasher.needsRehash(row.password_hash)).toBe(false);
  });

  it('treats a corrupt stored hash as a wrong password, not a server error', async () => {
    const hasher = server.app.get(PasswordHasher);
    expect(await hasher.verify('not-an-argon2-hash', 'whatever')).toBe(false);
    expect(hasher.needsRehash('not-an-argon2-hash')).toBe(true);
    expect(await hasher.verifyAgainstDummy('anything')).toBe(false);
  });
});

import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { aUser, anAdmin, signIn } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';

// A lock after 3 failures of one account, for a minute; no delays; addresses never locked here.
const SMALL_LIMITS = {
  BRUTE_FORCE_FREE_ATTEMPTS: '3',
  BRUTE_FORCE_LOCK_AFTER: '3',
  BRUTE_FORCE_LOCK_SECONDS: '60',
  BRUTE_FORCE_IP_LOCK_AFTER: '1000000',
  BRUTE_FORCE_BASE_DELAY_MS: '0',
  RATE_LIMIT_ENABLED: 'false',
};

const unique = (): string => randomBytes(5).toString('hex');

/** The fullwidth form (U+FF01...U+FF5E) of printable ASCII, which NFKC maps back. */
const fullwidth = (text: string): string =>
  [...text].map((char) => String.fromCodePoint(char.codePointAt(0)! - 0x20 + 0xff00)).join('');

// Issue #10 item 1: on MariaDB the lookup ran under an accent- and case-insensitive collation while the
// counters were keyed on the address as typed.
describe('one canonical email for sign-up, lookup and brute-force counters (issue #10 item 1)', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp(SMALL_LIMITS);
  });
  afterAll(() => server.close());

  const passwordGrant = (username: string, password: string) =>
    server.http
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'password', client_id: server.config.portalClientId, username, password });

  it('an accented spelling is another address: it neither signs in to the account nor escapes its lock', async () => {
    const name = `victim${unique()}`;
    const user = await aUser(server, { email: `${name}@example.test` });
    const accented = `${name.replace('i', 'í')}@example.test`;

    expect((await passwordGrant(accented, user.password)).status).toBe(400);
    for (let attempt = 0; attempt < 3; attempt++) await passwordGrant(user.email, 'wrong-password');
    expect((await passwordGrant(accented, user.password)).body).toMatchObject({ error: 'invalid_grant' });
    expect((await passwordGrant(user.email, user.password)).status).toBe(400);
  });

  it('fullwidth and upper-case spellings reach the same account, and its lock', async () => {
    const user = await aUser(server, { email: `ada${unique()}@example.test` });
    expect((await passwordGrant(fullwidth(user.email.toUpperCase()), user.password)).status).toBe(200);

    for (let attempt = 0; attempt < 3; attempt++) await passwordGrant(user.email, 'wrong-password');
    expect((await passwordGrant(fullwidth(user.email), user.password)).status).toBe(400);
    expect((await passwordGrant(user.email.toUpperCase(), user.password)).status).toBe(400);
  });

  it('any NFKC-equivalent spelling counts on the same counter (fast-check)', async () => {
    const spelling = (email: string): fc.Arbitrary<string> =>
      fc
        .tuple(...[...email].map((char) => fc.constantFrom(char, char.toUpperCase(), fullwidth(char))))
        .map((chars) => chars.join(''));
    await fc.assert(
      fc.asyncProperty(fc.constant(null), async () => {
        const user = await aUser(server);
        const variants = fc.sample(spelling(user.email), 3);
        for (const variant of variants) await passwordGrant(variant, 'wrong-password');
        // Three failures under three spellings lock the one account.
        expect((await passwordGrant(user.email, user.password)).status).toBe(400);
      }),
      { numRuns: 4 },
    );
  });

  it('stores the canonical form at sign-up, so a compatibility spelling of a taken address is refused', async () => {
    const plain = `grace${unique()}@example.test`;
    const first = await server.http
      .post('/users')
      .send({ email: fullwidth(plain.toUpperCase()), password: 'password-1234567' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ email: plain });
    const again = await server.http.post('/users').send({ email: plain, password: 'password-1234567' });
    expect(again.status).toBe(409);
  });

  it('a look-alike domain from another script is a different account, shown to admins as punycode', async () => {
    const local = `linus${unique()}`;
    await aUser(server, { email: `${local}@example.test` });
    const lookalike = await server.http
      .post('/users')
      .send({ email: `${local}@exаmple.test`, password: 'password-1234567' }); // Cyrillic а
    expect(lookalike.status).toBe(201);
    expect(lookalike.body).toMatchObject({ email: `${local}@xn--exmple-4nf.test` });

    const admin = await signIn(server, await anAdmin(server), 'admin');
    const listed = await server.http.get('/admin/users').query({ email: local }).auth(admin, { type: 'bearer' });
    const emails = (listed.body as { items: { email: string }[] }).items.map((row) => row.email).sort();
    expect(emails).toEqual([`${local}@example.test`, `${local}@xn--exmple-4nf.test`]);
  });

  it('refuses an address whose domain has no IDNA form', async () => {
    const response = await server.http
      .post('/users')
      .send({ email: `x${unique()}@xn--zz.test`, password: 'password-1234567' });
    expect(response.status).toBe(400);
  });
});

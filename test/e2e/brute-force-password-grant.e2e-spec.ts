import { randomBytes } from 'node:crypto';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { UsersRepository } from '../../src/users/users.repository';
import { UsersService } from '../../src/users/users.service';
import { aClient, aUser, anAdmin, signIn, TestUser } from '../factories';
import { Browser, pkcePair } from '../support/interaction/browser';
import { aRedisPrefix, deleteRedisKeys, TEST_REDIS_URL } from '../support/test-redis';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, describeOnMysql } from '../support/test-database';

// A lock of an (account, address) pair after 3 failures, for 2 s; of the account for every address
// after 6 (so from at least 2 addresses); an address lock after 6; no delays, so the suite stays fast.
const SMALL_LIMITS = {
  BRUTE_FORCE_FREE_ATTEMPTS: '3',
  BRUTE_FORCE_LOCK_AFTER: '3',
  BRUTE_FORCE_ACCOUNT_LOCK_AFTER: '6',
  BRUTE_FORCE_LOCK_SECONDS: '2',
  BRUTE_FORCE_IP_LOCK_AFTER: '6',
  BRUTE_FORCE_BASE_DELAY_MS: '0',
  TRUST_PROXY: 'true',
};

const unique = (): string => randomBytes(4).toString('hex');
let nextAddress = 1;
const anAddress = (): string => `203.0.113.${nextAddress++}`;

interface Attempt {
  status: number;
  body: unknown;
  ms: number;
}

async function passwordGrant(server: TestApp, email: string, password: string, address: string): Promise<Attempt> {
  const started = Date.now();
  const response = await server.http
    .post('/oauth/token')
    .set('X-Forwarded-For', address)
    .type('form')
    .send({ grant_type: 'password', client_id: server.config.portalClientId, username: email, password });
  return { status: response.status, body: response.body as unknown, ms: Date.now() - started };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('brute-force defence of the password grant', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp(SMALL_LIMITS);
  });
  afterAll(() => server.close());

  it('locks an account after N wrong passwords; the right one then fails exactly like a wrong one, until the lock ends', async () => {
    const user = await aUser(server);
    const address = anAddress();
    const wrong: Attempt[] = [];
    for (let attempt = 0; attempt < 3; attempt++)
      wrong.push(await passwordGrant(server, user.email, 'wrong-password', address));
    expect(wrong.map((attempt) => attempt.status)).toEqual([400, 400, 400]);

    const locked = await passwordGrant(server, user.email, user.password, address);
    expect(locked.status).toBe(400);
    expect(locked.body).toEqual(wrong[0].body);
    expect(locked.body).toEqual({ error: 'invalid_grant', error_description: expect.any(String) as string });
    // The same one argon2 verify either way: interleaved with unknown-user attempts (one dummy verify
    // each), so machine load weighs on both alike, a locked answer is neither instant nor slow.
    const lockedTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let sample = 0; sample < 5; sample++) {
      lockedTimes.push((await passwordGrant(server, user.email, 'wrong-password', address)).ms);
      unknownTimes.push((await passwordGrant(server, `nobody-${unique()}@example.test`, 'guess', anAddress())).ms);
    }
    expect(median(lockedTimes)).toBeGreaterThan(median(unknownTimes) / 2);
    expect(median(lockedTimes)).toBeLessThan(median(unknownTimes) * 2 + 20);

    const audit = server.dataSource.getRepository(AuditEvent);
    expect(await audit.findBy({ type: 'user.locked', subject: user.id })).toHaveLength(1);
    expect(await audit.findBy({ type: 'user.signin_failed', subject: user.id })).toHaveLength(9);

    await sleep(2100);
    expect((await passwordGrant(server, user.email, user.password, address)).status).toBe(200);
  });

  it('checks at most the allowed number of passwords when guesses arrive all at once', async () => {
    const user = await aUser(server);
    const guesses = await Promise.all(
      Array.from({ length: 15 }, (_, n) => passwordGrant(server, user.email, `guess-${n}`, anAddress())),
    );
    expect(new Set(guesses.map((guess) => guess.status))).toEqual(new Set([400]));
    const failures = await server.dataSource
      .getRepository(AuditEvent)
      .findBy({ type: 'user.signin_failed', subject: user.id });
    const checked = failures.filter((event) => event.details?.reason !== 'locked');
    // From 15 addresses: the account-wide limit (6) holds; at most 3 per address (the pair limit) never came into play.
    expect(checked.length).toBeGreaterThanOrEqual(1);
    expect(checked.length).toBeLessThanOrEqual(6);
    expect((await passwordGrant(server, user.email, user.password, anAddress())).status).toBe(400);
  });

  it('answers an unknown account like a wrong password, and counts it too', async () => {
    const ghost = `ghost-${unique()}@example.test`;
    const user = await aUser(server);
    const address = anAddress();
    const unknown = await passwordGrant(server, ghost, 'whatever-password', address);
    const wrong = await passwordGrant(server, user.email, 'whatever-password', address);
    expect(unknown).toMatchObject({ status: 400, body: wrong.body });
  });

  it('a success resets the account streak', async () => {
    const user = await aUser(server);
    for (let round = 0; round < 3; round++) {
      // A new address each round: the address counter (6 here) is not reset by a success.
      const address = anAddress();
      await passwordGrant(server, user.email, 'wrong-password', address);
      await passwordGrant(server, user.email, 'wrong-password', address);
      expect((await passwordGrant(server, user.email, user.password, address)).status).toBe(200);
    }
  });

  it('locks one address spraying many accounts, for every account, while other addresses still sign in', async () => {
    const sprayer = anAddress();
    for (let attempt = 0; attempt < 6; attempt++) {
      expect((await passwordGrant(server, `target-${unique()}@example.test`, 'guess', sprayer)).status).toBe(400);
    }
    const user = await aUser(server);
    expect(await passwordGrant(server, user.email, user.password, sprayer)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect((await passwordGrant(server, user.email, user.password, anAddress())).status).toBe(200);
  });

  it('shows the lock to admins, who can lift it (audited)', async () => {
    const user = await aUser(server);
    const admin = await anAdmin(server);
    const adminToken = await signIn(server, admin, 'admin');
    const address = anAddress();
    for (let attempt = 0; attempt < 3; attempt++) await passwordGrant(server, user.email, 'wrong', address);

    const state = await server.http
      .get(`/admin/users/${user.id}/lock`)
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    expect(state.body).toEqual({
      user_id: user.id,
      locked: true,
      locked_until: expect.any(String) as string,
      locked_for_every_address: false,
      locked_addresses: 1,
      failures: 3,
    });

    const unlocked = await server.http
      .post(`/admin/users/${user.id}/unlock`)
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    expect(unlocked.body).toEqual({
      user_id: user.id,
      locked: false,
      locked_until: null,
      locked_for_every_address: false,
      locked_addresses: 0,
      failures: 0,
    });
    expect((await passwordGrant(server, user.email, user.password, address)).status).toBe(200);
    const audit = await server.dataSource
      .getRepository(AuditEvent)
      .findBy({ type: 'admin.user_unlocked', subject: user.id, actorUserId: admin.id });
    expect(audit).toHaveLength(1);
  });

  it('keeps the lock endpoints for admins only', async () => {
    const user: TestUser = await aUser(server);
    const token = await signIn(server, user);
    await server.http.get(`/admin/users/${user.id}/lock`).expect(401);
    await server.http.get(`/admin/users/${user.id}/lock`).auth(token, { type: 'bearer' }).expect(403);
    await server.http.post(`/admin/users/${user.id}/unlock`).auth(token, { type: 'bearer' }).expect(403);
    const adminToken = await signIn(server, await anAdmin(server), 'admin');
    await server.http.get('/admin/users/no-such-user/lock').auth(adminToken, { type: 'bearer' }).expect(404);
  });
});

// Locks that outlast a slow machine: these tests read a lock many requests after it started.
describe('locks per (account, address) pair', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ ...SMALL_LIMITS, BRUTE_FORCE_LOCK_SECONDS: '600' });
  });
  afterAll(() => server.close());

  it('one address cannot lock the owner out at another; several addresses lock the account for all until an admin lifts it', async () => {
    const user = await aUser(server);
    const adminToken = await signIn(server, await anAdmin(server), 'admin');
    const [attacker, otherAttacker, owner] = [anAddress(), anAddress(), anAddress()];
    for (let attempt = 0; attempt < 10; attempt++)
      await passwordGrant(server, user.email, `guess-${attempt}`, attacker);
    expect((await passwordGrant(server, user.email, user.password, attacker)).status).toBe(400);
    expect((await passwordGrant(server, user.email, user.password, owner)).status).toBe(200);

    // A second address brings the account-wide count to its limit (6 here): now every address is refused.
    for (let attempt = 0; attempt < 3; attempt++) await passwordGrant(server, user.email, 'guess', otherAttacker);
    expect((await passwordGrant(server, user.email, user.password, owner)).status).toBe(400);
    const state = await server.http
      .get(`/admin/users/${user.id}/lock`)
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    expect(state.body).toMatchObject({ locked: true, locked_for_every_address: true, locked_addresses: 2 });
    const locks = await server.dataSource.getRepository(AuditEvent).findBy({ type: 'user.locked', subject: user.id });
    expect(locks.map((event) => event.details?.every_address).sort()).toEqual([false, false, true]);

    await server.http.post(`/admin/users/${user.id}/unlock`).auth(adminToken, { type: 'bearer' }).expect(200);
    expect((await passwordGrant(server, user.email, user.password, owner)).status).toBe(200);
    expect((await passwordGrant(server, user.email, user.password, attacker)).status).toBe(200);
  });

  it('the sign-in page and the password grant share one count', async () => {
    const user = await aUser(server);
    const clientId = (
      await aClient(server, await signIn(server, user, 'clients:write'), {
        confidential: false,
        grant_types: ['authorization_code'],
        scopes: ['openid'],
        redirect_uris: ['http://127.0.0.1/callback'],
      })
    ).client_id;
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: 'http://127.0.0.1/callback',
      scope: 'openid',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    });
    // The page is reached without X-Forwarded-For: its address is the test client's own.
    for (let attempt = 0; attempt < 3; attempt++) {
      const browser = new Browser(server);
      const page = await browser.get(`/oauth/authorize?${query.toString()}`);
      expect(
        (await browser.submit(page, '/interaction/sign-in', { email: user.email, password: 'wrong' })).status,
      ).toBe(400);
    }
    const sameAddress = await server.http.post('/oauth/token').type('form').send({
      grant_type: 'password',
      client_id: server.config.portalClientId,
      username: user.email,
      password: user.password,
    });
    expect(sameAddress.status).toBe(400);
    expect((await passwordGrant(server, user.email, user.password, anAddress())).status).toBe(200);
  });
});

describe('the user a password is checked against', () => {
  let server: TestApp;

  beforeAll(async () => {
    // One free failure, then a 500 ms delay: long enough to change the password while an attempt waits.
    server = await startTestApp({
      ...SMALL_LIMITS,
      BRUTE_FORCE_FREE_ATTEMPTS: '1',
      BRUTE_FORCE_LOCK_AFTER: '10',
      BRUTE_FORCE_ACCOUNT_LOCK_AFTER: '50',
      BRUTE_FORCE_BASE_DELAY_MS: '500',
    });
  });
  afterAll(() => server.close());

  it('is read once per attempt: the counters and the password check share the row', async () => {
    const user = await aUser(server);
    const reads = jest.spyOn(server.app.get(UsersRepository, { strict: false }), 'findByEmail');
    try {
      expect((await passwordGrant(server, user.email, user.password, anAddress())).status).toBe(200);
      expect((await passwordGrant(server, user.email, 'wrong-password', anAddress())).status).toBe(400);
      expect((await passwordGrant(server, `nobody-${unique()}@example.test`, 'guess', anAddress())).status).toBe(400);
      expect(reads).toHaveBeenCalledTimes(3);
    } finally {
      reads.mockRestore();
    }
  });

  it('is read again after a delay: a password changed meanwhile no longer signs in', async () => {
    const user = await aUser(server);
    const address = anAddress();
    expect((await passwordGrant(server, user.email, 'wrong-password', address)).status).toBe(400);
    // This attempt waits 500 ms before its password is checked; the password changes in the meantime.
    const waiting = passwordGrant(server, user.email, user.password, address);
    await sleep(150);
    await server.app.get(UsersService).setPassword(user.id, `changed-${unique()}-password`);
    const answer = await waiting;
    expect(answer.ms).toBeGreaterThanOrEqual(450);
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
});

describe('without TRUST_PROXY', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ ...SMALL_LIMITS, TRUST_PROXY: 'false' });
  });
  afterAll(() => server.close());

  it('ignores X-Forwarded-For: a sprayer cannot pose as many addresses', async () => {
    for (let attempt = 0; attempt < 6; attempt++) {
      await passwordGrant(server, `target-${unique()}@example.test`, 'guess', anAddress());
    }
    const user = await aUser(server);
    expect((await passwordGrant(server, user.email, user.password, anAddress())).status).toBe(400);
  });
});

async function lockAcrossTwo(first: TestApp, second: TestApp): Promise<void> {
  const user = await aUser(first);
  const address = anAddress();
  await passwordGrant(first, user.email, 'wrong', address);
  await passwordGrant(second, user.email, 'wrong', address);
  await passwordGrant(first, user.email, 'wrong', address);
  expect(await passwordGrant(second, user.email, user.password, address)).toMatchObject({
    status: 400,
    body: { error: 'invalid_grant' },
  });
}

describeOnMysql('two instances sharing one MariaDB', () => {
  it('share the lock', async () => {
    const database = await createTestDatabase();
    const first = await startTestApp(SMALL_LIMITS, { database });
    const second = await startTestApp(SMALL_LIMITS, { database });
    try {
      await lockAcrossTwo(first, second);
    } finally {
      await first.close();
      await second.close();
      await database.drop();
    }
  });
});

describeOnMysql('two instances sharing one MariaDB and one Redis', () => {
  it('share the lock through Redis', async () => {
    const prefix = aRedisPrefix();
    const env = { ...SMALL_LIMITS, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix };
    const database = await createTestDatabase();
    const first = await startTestApp(env, { database });
    const second = await startTestApp(env, { database });
    try {
      await lockAcrossTwo(first, second);
      expect(await first.dataSource.getRepository('LoginFailureCounter').count()).toBe(0);
    } finally {
      await first.close();
      await second.close();
      await database.drop();
      await deleteRedisKeys(prefix);
    }
  });
});

import { randomBytes } from 'node:crypto';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { BruteForceService, type LockState } from '../../src/brute-force/brute-force.service';
import { aRedisPrefix, deleteRedisKeys, TEST_REDIS_URL } from '../support/test-redis';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, describeOnMysql } from '../support/test-database';

// Small numbers so the suite runs in seconds: 2 free failures, a lock of an (account, address) pair at
// 4 for 2 s, a lock of the account for every address at 10 (so at least 3 addresses), an address lock at 6.
const SMALL_LIMITS = {
  BRUTE_FORCE_FREE_ATTEMPTS: '2',
  BRUTE_FORCE_LOCK_AFTER: '4',
  BRUTE_FORCE_ACCOUNT_LOCK_AFTER: '10',
  BRUTE_FORCE_LOCK_SECONDS: '2',
  BRUTE_FORCE_IP_LOCK_AFTER: '6',
  BRUTE_FORCE_BASE_DELAY_MS: '0',
};

const unique = (): string => randomBytes(4).toString('hex');
const anEmail = (): string => `victim-${unique()}@example.test`;
let nextAddress = 1;
const anAddress = (): string => `203.0.113.${nextAddress++ % 250}`;

/** What the password check does for a wrong password: check (counts the attempt), then record the failure. */
async function attemptWrong(service: BruteForceService, email: string, ip: string): Promise<{ locked: boolean }> {
  const account = await service.account(email);
  const verdict = await service.check(account, ip);
  if (!verdict.locked) await service.recordFailure(account, ip);
  return verdict;
}

async function fail(service: BruteForceService, times: number, email: string, ip: string): Promise<void> {
  for (let attempt = 0; attempt < times; attempt++) await attemptWrong(service, email, ip);
}

const check = async (service: BruteForceService, email: string, ip: string): Promise<{ locked: boolean }> =>
  service.check(await service.account(email), ip);

const lockState = async (service: BruteForceService, email: string): Promise<LockState> =>
  service.lockState(await service.account(email));

/**
 * A success takes off the account exactly what its pair held when the pair was forgotten: the count
 * the check saw when nothing moved since, more when failures from that address arrived in between.
 */
async function successTakesWhatThePairHeld(service: BruteForceService): Promise<void> {
  const email = anEmail();
  const ip = anAddress();
  await fail(service, 2, email, anAddress());
  const account = await service.account(email);
  const seen = await service.check(account, ip);
  expect(seen).toMatchObject({ locked: false, pairFailures: 1 });
  await fail(service, 2, email, ip);
  expect(await lockState(service, email)).toMatchObject({ failures: 5 });
  await service.recordSuccess(account, ip, seen.pairFailures);
  expect(await lockState(service, email)).toMatchObject({ failures: 2 });

  const again = await service.check(account, ip);
  expect(again).toMatchObject({ locked: false, pairFailures: 1 });
  await service.recordSuccess(account, ip, again.pairFailures);
  expect(await lockState(service, email)).toMatchObject({ failures: 2 });
  expect(await service.check(account, ip)).toMatchObject({ pairFailures: 1 });
}

describe('brute-force counters (database store)', () => {
  let server: TestApp;
  let service: BruteForceService;

  beforeAll(async () => {
    server = await startTestApp(SMALL_LIMITS);
    service = server.app.get(BruteForceService);
  });
  afterAll(() => server.close());

  it('locks an (account, address) pair after the configured failures, audits it once, and lifts the lock when it expires', async () => {
    const email = anEmail();
    const ip = anAddress();
    await fail(service, 3, email, ip);
    expect(await attemptWrong(service, email, ip)).toMatchObject({ locked: false });
    expect(await check(service, email, ip)).toMatchObject({ locked: true });
    expect(await check(service, email.toUpperCase(), ip)).toMatchObject({ locked: true });
    const { subject } = await service.account(email);
    const locks = await server.dataSource.getRepository(AuditEvent).findBy({ type: 'user.locked', subject });
    expect(locks).toHaveLength(1);
    expect(locks[0].details).toMatchObject({ every_address: false, username_masked: 'v***@example.test' });
    expect(JSON.stringify(locks)).not.toContain(email);

    // Once the lock has expired, one attempt goes on; if it fails too, the pair is locked again at once.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await attemptWrong(service, email, ip)).toMatchObject({ locked: false });
    expect(await check(service, email, ip)).toMatchObject({ locked: true });
  });

  it("forgets the pair streak and the pair's share of the account-wide count on a success, not other addresses' share", async () => {
    const email = anEmail();
    const ip = anAddress();
    await fail(service, 2, email, anAddress());
    await fail(service, 3, email, ip);
    const account = await service.account(email);
    expect(await service.check(account, ip)).toMatchObject({ locked: false });
    await service.recordSuccess(account, ip);
    // Without the reset, the pair would be at its limit (4) now; the address (6) stays below its own.
    await fail(service, 2, email, ip);
    expect(await check(service, email, ip)).toMatchObject({ locked: false });
    expect(await lockState(service, email)).toMatchObject({ locked: false, failures: 5 });
  });

  it('takes off the account what the pair held when a success forgot it, however it moved since the check', () =>
    successTakesWhatThePairHeld(service));

  it('locks one address spraying many accounts, for every account, but not other addresses', async () => {
    const sprayer = anAddress();
    for (let attempt = 0; attempt < 6; attempt++) await attemptWrong(service, anEmail(), sprayer);
    expect(await check(service, anEmail(), sprayer)).toMatchObject({ locked: true });
    expect(await check(service, anEmail(), '198.51.100.7')).toMatchObject({ locked: false });
    const events = await server.dataSource.getRepository(AuditEvent).findBy({ type: 'address.locked', ip: sprayer });
    expect(events).toHaveLength(1);
  });

  it('counts every one of many concurrent failures', async () => {
    const email = anEmail();
    await Promise.all(Array.from({ length: 20 }, () => attemptWrong(service, email, anAddress())));
    expect(await lockState(service, email)).toMatchObject({ locked: true, failures: 20 });
  });

  it('lets at most the allowed number of parallel attempts through before any failure is recorded', async () => {
    // Never more than the limit; fewer when a racer reads a count that later racers already raised.
    const through = (verdicts: { locked: boolean }[]): number => verdicts.filter((verdict) => !verdict.locked).length;
    const email = anEmail();
    const account = await service.account(email);
    const ip = anAddress();
    const fromOne = await Promise.all(Array.from({ length: 20 }, () => service.check(account, ip)));
    expect(through(fromOne)).toBeGreaterThanOrEqual(1);
    expect(through(fromOne)).toBeLessThanOrEqual(4);

    const other = await service.account(anEmail());
    const fromMany = await Promise.all(Array.from({ length: 30 }, () => service.check(other, anAddress())));
    expect(through(fromMany)).toBeGreaterThanOrEqual(1);
    expect(through(fromMany)).toBeLessThanOrEqual(10);
    expect(await service.lockState(other)).toMatchObject({ locked: true, lockedForEveryAddress: true });
  });
});

// Locks that outlast a slow machine: these tests read a lock many attempts after it started.
describe('locks per (account, address) pair and for every address', () => {
  let server: TestApp;
  let service: BruteForceService;

  beforeAll(async () => {
    server = await startTestApp({ ...SMALL_LIMITS, BRUTE_FORCE_LOCK_SECONDS: '600' });
    service = server.app.get(BruteForceService);
  });
  afterAll(() => server.close());

  it('one address cannot lock the account for another, however often it fails, below the account-wide count', async () => {
    const email = anEmail();
    const attacker = anAddress();
    await fail(service, 30, email, attacker);
    expect(await check(service, email, attacker)).toMatchObject({ locked: true });
    expect(await check(service, email, anAddress())).toMatchObject({ locked: false });
    // One address adds at most its pair limit (4) to the account-wide count (10 here).
    expect(await lockState(service, email)).toMatchObject({
      locked: true,
      lockedForEveryAddress: false,
      lockedAddresses: 1,
      failures: 5,
    });
  });

  it('locks the account for every address once failures from several addresses reach the account-wide count', async () => {
    const email = anEmail();
    for (const attacker of [anAddress(), anAddress()]) await fail(service, 4, email, attacker);
    expect(await check(service, email, anAddress())).toMatchObject({ locked: false });
    await fail(service, 1, email, anAddress());
    expect(await check(service, email, anAddress())).toMatchObject({ locked: true });
    expect(await lockState(service, email)).toMatchObject({ locked: true, lockedForEveryAddress: true });
    const { subject } = await service.account(email);
    const locks = await server.dataSource.getRepository(AuditEvent).findBy({ type: 'user.locked', subject });
    expect(locks.filter((event) => event.details?.every_address === true)).toHaveLength(1);
  });

  it('an unlock lifts every lock of the account and forgets its streaks', async () => {
    const email = anEmail();
    // Two addresses reach their pair lock; the third's attempts are refused by the account-wide lock first.
    for (const attacker of [anAddress(), anAddress(), anAddress()]) await fail(service, 5, email, attacker);
    const account = await service.account(email);
    expect(await service.lockState(account)).toMatchObject({
      locked: true,
      lockedForEveryAddress: true,
      lockedAddresses: 2,
    });
    await service.unlock(account);
    expect(await service.lockState(account)).toEqual({
      locked: false,
      lockedUntil: null,
      lockedForEveryAddress: false,
      lockedAddresses: 0,
      failures: 0,
    });
  });
});

describe('progressive delay', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({
      ...SMALL_LIMITS,
      BRUTE_FORCE_LOCK_AFTER: '10',
      BRUTE_FORCE_ACCOUNT_LOCK_AFTER: '50',
      BRUTE_FORCE_BASE_DELAY_MS: '300',
    });
  });
  afterAll(() => server.close());

  it('answers the free attempts at once and makes later ones wait a doubling delay', async () => {
    const service = server.app.get(BruteForceService);
    const account = await service.account(anEmail());
    const ip = anAddress();
    const timed = async (from: string): Promise<{ ms: number; waited: boolean }> => {
      const started = Date.now();
      const { waited } = await service.check(account, from);
      return { ms: Date.now() - started, waited };
    };
    // Each check counts an attempt: two free ones, then 300 ms, then 600 ms; it says when it waited.
    const [first, second, third, fourth] = [await timed(ip), await timed(ip), await timed(ip), await timed(ip)];
    expect(first.ms).toBeLessThan(290);
    expect(second.ms).toBeLessThan(290);
    expect(third.ms).toBeGreaterThanOrEqual(290);
    expect(fourth.ms).toBeGreaterThanOrEqual(590);
    expect([first, second, third, fourth].map((attempt) => attempt.waited)).toEqual([false, false, true, true]);
  });
});

describe('forgetting old failures', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ ...SMALL_LIMITS, BRUTE_FORCE_RESET_SECONDS: '1', BRUTE_FORCE_LOCK_SECONDS: '1' });
  });
  afterAll(() => server.close());

  it('starts a new streak once the last failure is older than the reset window', async () => {
    const service = server.app.get(BruteForceService);
    const email = anEmail();
    await fail(service, 3, email, anAddress());
    expect((await lockState(service, email)).failures).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await fail(service, 3, email, anAddress());
    expect(await lockState(service, email)).toMatchObject({ locked: false, failures: 3 });
  });
});

describeOnMysql('two instances sharing one MariaDB', () => {
  it('share the counters: failures on one lock the pair on the other', async () => {
    const database = await createTestDatabase();
    const first = await startTestApp(SMALL_LIMITS, { database });
    const second = await startTestApp(SMALL_LIMITS, { database });
    try {
      const email = anEmail();
      const ip = anAddress();
      await Promise.all([
        fail(first.app.get(BruteForceService), 2, email, ip),
        fail(second.app.get(BruteForceService), 2, email, ip),
      ]);
      expect(await check(second.app.get(BruteForceService), email, ip)).toMatchObject({ locked: true });
      expect(await check(first.app.get(BruteForceService), email, ip)).toMatchObject({ locked: true });
    } finally {
      await first.close();
      await second.close();
      await database.drop();
    }
  });
});

describe('two instances sharing one Redis', () => {
  const prefix = aRedisPrefix();
  const env = { ...SMALL_LIMITS, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix };
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    // Each instance has a database of its own: whatever they share can only come from Redis.
    first = await startTestApp(env);
    second = await startTestApp(env);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await deleteRedisKeys(prefix);
  });

  it('share the counters, lock, expire and reset through Redis', async () => {
    const email = anEmail();
    const ip = anAddress();
    const [one, two] = [first.app.get(BruteForceService), second.app.get(BruteForceService)];
    await Promise.all([fail(one, 2, email, ip), fail(two, 2, email, ip)]);
    expect(await check(two, email, ip)).toMatchObject({ locked: true });
    expect(await lockState(one, email)).toMatchObject({ locked: true, lockedAddresses: 1, failures: 4 });
    expect(await first.dataSource.getRepository('LoginFailureCounter').count()).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await check(one, email, ip)).toMatchObject({ locked: false });
    await two.recordSuccess(await two.account(email), ip);
    expect(await check(one, email, ip)).toMatchObject({ locked: false });
    expect(await lockState(one, email)).toMatchObject({ locked: false, lockedAddresses: 0 });
  });

  it('takes off the account what the pair held when a success forgot it, through Redis', () =>
    successTakesWhatThePairHeld(first.app.get(BruteForceService)));

  it('lifts every lock of an account through Redis', async () => {
    const email = anEmail();
    const [one, two] = [first.app.get(BruteForceService), second.app.get(BruteForceService)];
    for (const attacker of [anAddress(), anAddress(), anAddress()]) await fail(one, 5, email, attacker);
    expect(await lockState(two, email)).toMatchObject({
      locked: true,
      lockedForEveryAddress: true,
      lockedAddresses: 2,
    });
    await two.unlock(await two.account(email));
    expect(await lockState(one, email)).toMatchObject({ locked: false, lockedAddresses: 0, failures: 0 });
  });

  it('lets exactly the allowed number of parallel attempts through, across instances', async () => {
    const services = [first.app.get(BruteForceService), second.app.get(BruteForceService)];
    const account = await services[0].account(anEmail());
    const ip = anAddress();
    const fromOne = await Promise.all(Array.from({ length: 20 }, (_, n) => services[n % 2].check(account, ip)));
    expect(fromOne.filter((verdict) => !verdict.locked)).toHaveLength(4);
    const other = await services[0].account(anEmail());
    const fromMany = await Promise.all(Array.from({ length: 30 }, (_, n) => services[n % 2].check(other, anAddress())));
    expect(fromMany.filter((verdict) => !verdict.locked)).toHaveLength(10);
  });

  it('locks a spraying address across instances', async () => {
    const sprayer = anAddress();
    for (let attempt = 0; attempt < 3; attempt++) {
      await attemptWrong(first.app.get(BruteForceService), anEmail(), sprayer);
      await attemptWrong(second.app.get(BruteForceService), anEmail(), sprayer);
    }
    expect(await check(first.app.get(BruteForceService), anEmail(), sprayer)).toMatchObject({ locked: true });
  });
});

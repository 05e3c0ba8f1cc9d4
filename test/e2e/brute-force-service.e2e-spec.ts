import { randomBytes } from 'node:crypto';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { BruteForceService } from '../../src/brute-force/brute-force.service';
import { aRedisPrefix, deleteRedisKeys, TEST_REDIS_URL } from '../support/test-redis';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, describeOnMysql } from '../support/test-database';

// Small numbers so the suite runs in seconds: 2 free failures, a lock at 4 for 2 s, an address lock at 6.
const SMALL_LIMITS = {
  BRUTE_FORCE_FREE_ATTEMPTS: '2',
  BRUTE_FORCE_LOCK_AFTER: '4',
  BRUTE_FORCE_LOCK_SECONDS: '2',
  BRUTE_FORCE_IP_LOCK_AFTER: '6',
  BRUTE_FORCE_BASE_DELAY_MS: '0',
};

const unique = (): string => randomBytes(4).toString('hex');
const anEmail = (): string => `victim-${unique()}@example.test`;
const anAddress = (): string => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

/** What the password grant does for a wrong password: check (counts the attempt), then record the failure. */
async function attemptWrong(service: BruteForceService, email: string, ip: string): Promise<{ locked: boolean }> {
  const verdict = await service.check(email, ip);
  if (!verdict.locked) await service.recordFailure(email, ip);
  return verdict;
}

async function fail(service: BruteForceService, times: number, email: string, ip: string): Promise<void> {
  for (let attempt = 0; attempt < times; attempt++) await attemptWrong(service, email, ip);
}

describe('brute-force counters (database store)', () => {
  let server: TestApp;
  let service: BruteForceService;

  beforeAll(async () => {
    server = await startTestApp(SMALL_LIMITS);
    service = server.app.get(BruteForceService);
  });
  afterAll(() => server.close());

  it('locks an account after the configured failures, audits it once, and lifts the lock when it expires', async () => {
    const email = anEmail();
    const ip = anAddress();
    await fail(service, 3, email, ip);
    expect(await attemptWrong(service, email, ip)).toEqual({ locked: false });
    expect(await service.check(email, ip)).toEqual({ locked: true });
    expect(await service.check(email.toUpperCase(), anAddress())).toEqual({ locked: true });
    const locks = await server.dataSource.getRepository(AuditEvent).findBy({ type: 'user.locked', subject: email });
    expect(locks).toHaveLength(1);
    expect(JSON.stringify(locks)).not.toContain('password');

    // Once the lock has expired, one attempt goes on; if it fails too, the account is locked again at once.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await attemptWrong(service, email, ip)).toEqual({ locked: false });
    expect(await service.check(email, ip)).toEqual({ locked: true });
  });

  it('forgets the streak on a success', async () => {
    const email = anEmail();
    const ip = anAddress();
    await fail(service, 3, email, ip);
    expect(await service.check(email, ip)).toEqual({ locked: false });
    await service.recordSuccess(email, ip);
    await fail(service, 1, email, ip);
    expect((await service.lockState(email)).failures).toBe(1);
  });

  it('locks one address spraying many accounts, for every account, but not other addresses', async () => {
    const sprayer = anAddress();
    for (let attempt = 0; attempt < 6; attempt++) await attemptWrong(service, anEmail(), sprayer);
    expect(await service.check(anEmail(), sprayer)).toEqual({ locked: true });
    expect(await service.check(anEmail(), '198.51.100.7')).toEqual({ locked: false });
    const events = await server.dataSource.getRepository(AuditEvent).findBy({ type: 'address.locked', ip: sprayer });
    expect(events).toHaveLength(1);
  });

  it('counts every one of many concurrent failures', async () => {
    const email = anEmail();
    await Promise.all(Array.from({ length: 20 }, () => attemptWrong(service, email, anAddress())));
    expect(await service.lockState(email)).toMatchObject({ locked: true, failures: 20 });
  });

  it('lets at most the allowed number of parallel attempts through before any failure is recorded', async () => {
    const email = anEmail();
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => service.check(email, anAddress())));
    // Never more than the limit; fewer when a racer reads a count that later racers already raised.
    const through = verdicts.filter((verdict) => !verdict.locked).length;
    expect(through).toBeGreaterThanOrEqual(1);
    expect(through).toBeLessThanOrEqual(4);
    expect(await service.lockState(email)).toMatchObject({ locked: true });
  });
});

describe('progressive delay', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ ...SMALL_LIMITS, BRUTE_FORCE_LOCK_AFTER: '10', BRUTE_FORCE_BASE_DELAY_MS: '300' });
  });
  afterAll(() => server.close());

  it('answers the free attempts at once and makes later ones wait a doubling delay', async () => {
    const service = server.app.get(BruteForceService);
    const email = anEmail();
    const ip = anAddress();
    const timed = async (): Promise<number> => {
      const started = Date.now();
      await service.check(email, ip);
      return Date.now() - started;
    };
    // Each check counts an attempt: two free ones, then 300 ms, then 600 ms.
    expect(await timed()).toBeLessThan(290);
    expect(await timed()).toBeLessThan(290);
    expect(await timed()).toBeGreaterThanOrEqual(290);
    expect(await timed()).toBeGreaterThanOrEqual(590);
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
    expect((await service.lockState(email)).failures).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await fail(service, 3, email, anAddress());
    expect(await service.lockState(email)).toMatchObject({ locked: false, failures: 3 });
  });
});

describeOnMysql('two instances sharing one MariaDB', () => {
  it('share the counters: failures on one lock the account on the other', async () => {
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
      expect(await second.app.get(BruteForceService).check(email, ip)).toEqual({ locked: true });
      expect(await first.app.get(BruteForceService).check(email, ip)).toEqual({ locked: true });
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
    await Promise.all([
      fail(first.app.get(BruteForceService), 2, email, ip),
      fail(second.app.get(BruteForceService), 2, email, ip),
    ]);
    expect(await second.app.get(BruteForceService).check(email, ip)).toEqual({ locked: true });
    expect(await first.app.get(BruteForceService).lockState(email)).toMatchObject({ locked: true, failures: 5 });
    expect(await first.dataSource.getRepository('LoginFailureCounter').count()).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await first.app.get(BruteForceService).check(email, ip)).toEqual({ locked: false });
    await second.app.get(BruteForceService).recordSuccess(email, ip);
    expect(await first.app.get(BruteForceService).check(email, ip)).toEqual({ locked: false });
    await second.app.get(BruteForceService).recordSuccess(email, ip);
    expect((await first.app.get(BruteForceService).lockState(email)).failures).toBe(0);
  });

  it('lets exactly the allowed number of parallel attempts through, across instances', async () => {
    const email = anEmail();
    const services = [first.app.get(BruteForceService), second.app.get(BruteForceService)];
    const verdicts = await Promise.all(Array.from({ length: 20 }, (_, n) => services[n % 2].check(email, anAddress())));
    expect(verdicts.filter((verdict) => !verdict.locked)).toHaveLength(4);
  });

  it('locks a spraying address across instances', async () => {
    const sprayer = anAddress();
    for (let attempt = 0; attempt < 3; attempt++) {
      await attemptWrong(first.app.get(BruteForceService), anEmail(), sprayer);
      await attemptWrong(second.app.get(BruteForceService), anEmail(), sprayer);
    }
    expect(await first.app.get(BruteForceService).check(anEmail(), sprayer)).toEqual({ locked: true });
  });
});

import type { BruteForceConfig } from '../config/app-config';
import { BruteForcePolicy } from './brute-force-policy';

const defaults: BruteForceConfig = {
  freeAttempts: 5,
  lockAfter: 10,
  accountLockAfter: 50,
  lockSeconds: 900,
  ipLockAfter: 100,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  resetSeconds: 43_200,
};
const policy = (overrides: Partial<BruteForceConfig> = {}): BruteForcePolicy =>
  new BruteForcePolicy({ ...defaults, ...overrides });

describe('BruteForcePolicy', () => {
  it('lets the free attempts through without a delay', () => {
    for (let failures = 0; failures < 5; failures++) expect(policy().delayMs(failures)).toBe(0);
  });

  it('doubles the delay with each failure past the free ones, up to the cap', () => {
    expect([5, 6, 7, 8, 9, 10, 50].map((failures) => policy().delayMs(failures))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('stays finite for absurd failure counts', () => {
    expect(policy({ maxDelayMs: 60_000 }).delayMs(Number.MAX_SAFE_INTEGER)).toBe(60_000);
  });

  it('never delays when the base delay is zero', () => {
    expect(policy({ baseDelayMs: 0 }).delayMs(9)).toBe(0);
  });

  it('locks a pair at the configured failure count, an account at its own, and an address at its own', () => {
    expect(policy().pairLockDue(9)).toBe(false);
    expect(policy().pairLockDue(10)).toBe(true);
    expect(policy().pairLockDue(11)).toBe(true);
    expect(policy().accountLockDue(49)).toBe(false);
    expect(policy().accountLockDue(50)).toBe(true);
    expect(policy().addressLockDue(99)).toBe(false);
    expect(policy().addressLockDue(100)).toBe(true);
  });

  it('counts at most the pair limit of one address toward the account', () => {
    expect([1, 10, 11, 500].map((failures) => policy().countsTowardAccount(failures))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('locks for the configured time, and a lock ends exactly when it says', () => {
    const now = new Date('2026-01-01T00:00:00.000Z');
    const until = policy().lockUntil(now);
    expect(until.toISOString()).toBe('2026-01-01T00:15:00.000Z');
    expect(policy().isLocked({ failures: 10, lockedUntil: until }, now)).toBe(true);
    expect(policy().isLocked({ failures: 10, lockedUntil: until }, new Date(until.getTime() - 1))).toBe(true);
    expect(policy().isLocked({ failures: 10, lockedUntil: until }, until)).toBe(false);
    expect(policy().isLocked({ failures: 10, lockedUntil: null }, now)).toBe(false);
  });

  it('lets one attempt per lock period through once a lock expired, and none when the limit was never locked', () => {
    const expired = { failures: 11, lockedUntil: new Date('2026-01-01T00:00:00.000Z') };
    expect(policy().mayGoOnPastLimit(expired, true)).toBe(true);
    expect(policy().mayGoOnPastLimit(expired, false)).toBe(false);
    const neverLocked = { failures: 11, lockedUntil: null };
    expect(policy().mayGoOnPastLimit(neverLocked, true)).toBe(false);
    expect(policy().mayGoOnPastLimit(neverLocked, false)).toBe(false);
  });

  it('keeps counters for the reset window, or for a whole lock when that is longer', () => {
    expect(policy().retentionMs).toBe(43_200_000);
    expect(policy({ lockSeconds: 86_400, resetSeconds: 60 }).retentionMs).toBe(86_400_000);
  });
});

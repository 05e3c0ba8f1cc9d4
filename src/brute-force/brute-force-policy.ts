import type { BruteForceConfig } from '../config/app-config';

/** What a counter holds: failures inside the current window and, when locked, until when. */
export interface CounterState {
  failures: number;
  lockedUntil: Date | null;
}

export const EMPTY_COUNTER: CounterState = { failures: 0, lockedUntil: null };

/**
 * The lockout arithmetic, after Keycloak's brute-force detection: a few free failures, then each
 * attempt waits a delay that doubles per failure (capped), then a temporary lock. Failures count per
 * (account, address) pair, so one address cannot lock an account for the others; the account is
 * locked for every address only past a higher threshold that one address alone cannot reach. Pure: no I/O.
 */
export class BruteForcePolicy {
  constructor(private readonly config: BruteForceConfig) {}

  /** How long the next attempt waits, given the pair's failures so far. */
  delayMs(failures: number): number {
    const excess = failures - this.config.freeAttempts;
    if (excess < 0 || this.config.baseDelayMs === 0) return 0;
    // Capping the exponent first keeps 2 ** n finite for absurd counts.
    const doubled = this.config.baseDelayMs * 2 ** Math.min(excess, 30);
    return Math.min(doubled, this.config.maxDelayMs);
  }

  isLocked(state: CounterState, now: Date): boolean {
    return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
  }

  /** After a failure brought an (account, address) pair to `failures`: whether it must be locked now. */
  pairLockDue(failures: number): boolean {
    return failures >= this.config.lockAfter;
  }

  /**
   * Whether the attempt that brought its pair to `pairFailures` counts toward the account-wide count:
   * each address adds at most `lockAfter`, so the account-wide lock needs several addresses.
   */
  countsTowardAccount(pairFailures: number): boolean {
    return pairFailures <= this.config.lockAfter;
  }

  /** The most one address adds to the account-wide count. */
  get pairLimit(): number {
    return this.config.lockAfter;
  }

  /** After a failure brought the account-wide count to `failures`: whether to lock it for every address. */
  accountLockDue(failures: number): boolean {
    return failures >= this.config.accountLockAfter;
  }

  /** After a failure brought an address to `failures`: whether it must be locked now. */
  addressLockDue(failures: number): boolean {
    return failures >= this.config.ipLockAfter;
  }

  /**
   * An attempt arrived past the limit with no lock in force, and this attempt tried to start one.
   * After an expired lock, the attempt that starts the next period may go on: one guess per period.
   * When the streak was never locked (parallel attempts outran the recording of their failures),
   * it is refused like the rest.
   */
  mayGoOnPastLimit(state: CounterState, startedLock: boolean): boolean {
    return startedLock && state.lockedUntil !== null;
  }

  lockUntil(now: Date): Date {
    return new Date(now.getTime() + this.config.lockSeconds * 1000);
  }

  /** Failures older than this (counted from the last one) are forgotten. */
  get resetMs(): number {
    return this.config.resetSeconds * 1000;
  }

  /** How long a counter must be kept at least: the reset window, or a whole lock if longer. */
  get retentionMs(): number {
    return Math.max(this.resetMs, this.config.lockSeconds * 1000);
  }
}

import type { CounterState } from './brute-force-policy';

/**
 * Where brute-force counters live: the database, or Redis when REDIS_URL is set. Every instance of
 * the server shares the same store, so an attacker cannot spread attempts over instances.
 */
export abstract class FailureCounterStore {
  /** The current state of each key (an empty counter for unknown or forgotten keys). */
  abstract read(keys: string[]): Promise<CounterState[]>;

  /** Atomically counts one attempt (after forgetting a streak older than the reset window); returns the new state. */
  abstract increment(key: string, now: Date): Promise<CounterState>;

  /** Locks the key until `until` unless it is already locked; true when this call started the lock. */
  abstract lock(key: string, until: Date, now: Date): Promise<boolean>;

  /** Takes `amount` failures off the key's count (never below zero), leaving any lock as it is. */
  abstract subtract(key: string, amount: number): Promise<void>;

  /** Forgets the key (a success, or an admin's unlock). */
  abstract reset(key: string): Promise<void>;

  /** The state of every counter whose key starts with `prefix` (an account's pairs). */
  abstract readPrefix(prefix: string): Promise<CounterState[]>;

  /** Forgets every counter whose key starts with `prefix` (an admin's unlock of an account's pairs). */
  abstract resetPrefix(prefix: string): Promise<void>;
}

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

  /** Forgets the key (a success, or an admin's unlock). */
  abstract reset(key: string): Promise<void>;
}

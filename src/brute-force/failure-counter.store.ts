import type { CounterState } from './brute-force-policy';

/**
 * Where brute-force counters live: the database, or Redis when REDIS_URL is set. Every instance of
 * the server shares the same store, so an attacker cannot spread attempts over instances.
 */
export abstract class FailureCounterStore {
  /** The current state of each key (an empty counter for unknown or forgotten keys). */
  abstract read(keys: string[]): Promise<CounterState[]>;

  /** Atomically counts one attempt (after forgetting a streak older than the reset window); returns the new state. */
  async increment(key: string, now: Date): Promise<CounterState> {
    const [state] = await this.incrementAndRead(key, now, []);
    return state;
  }

  /**
   * `increment`, answering the new state of `key` followed by the current state of each of `others`,
   * read in the same trip to the store.
   */
  abstract incrementAndRead(key: string, now: Date, others: string[]): Promise<CounterState[]>;

  /** Locks the key until `until` unless it is already locked; true when this call started the lock. */
  abstract lock(key: string, until: Date, now: Date): Promise<boolean>;

  /** Takes `amount` failures off the key's count (never below zero), leaving any lock as it is. */
  abstract subtract(key: string, amount: number): Promise<void>;

  /** Forgets the key (an admin's unlock). */
  abstract reset(key: string): Promise<void>;

  /**
   * Forgets the key (a success) and answers the failures it held when it was forgotten, so that
   * exactly those come off the account-wide count. `seen` is the count the caller last saw: a store
   * that cannot read and delete in one step deletes on that condition, and reads only when it moved.
   */
  abstract take(key: string, seen: number): Promise<number>;

  /** The state of every counter whose key starts with `prefix` (an account's pairs). */
  abstract readPrefix(prefix: string): Promise<CounterState[]>;

  /** Forgets every counter whose key starts with `prefix` (an admin's unlock of an account's pairs). */
  abstract resetPrefix(prefix: string): Promise<void>;
}

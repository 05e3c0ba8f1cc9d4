import { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Brackets, In, Like, Repository } from 'typeorm';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { BruteForcePolicy, EMPTY_COUNTER, type CounterState } from './brute-force-policy';
import { FailureCounterStore } from './failure-counter.store';
import { LoginFailureCounter } from './login-failure-counter.entity';

const PURGE_INTERVAL_MS = 10 * 60 * 1000;

/** Counters in the `login_failure_counters` table; every write is one conditional UPDATE, so concurrent attempts all count. */
export class DatabaseFailureCounterStore extends FailureCounterStore implements OnModuleInit, OnModuleDestroy {
  private purgeTimer?: NodeJS.Timeout;

  constructor(
    private readonly counters: Repository<LoginFailureCounter>,
    private readonly policy: BruteForcePolicy,
  ) {
    super();
  }

  onModuleInit(): void {
    this.purgeTimer = setInterval(() => void this.purge().catch(() => undefined), PURGE_INTERVAL_MS);
    this.purgeTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
  }

  async read(keys: string[]): Promise<CounterState[]> {
    const rows = await this.counters.findBy({ key: In(keys) });
    return keys.map((key) => {
      const row = rows.find((candidate) => candidate.key === key);
      return row ? { failures: row.failures, lockedUntil: row.lockedUntil } : EMPTY_COUNTER;
    });
  }

  async incrementAndRead(key: string, now: Date, others: string[]): Promise<CounterState[]> {
    const cutoff = new Date(now.getTime() - this.policy.resetMs);
    for (let attempt = 0; attempt < 3; attempt++) {
      // One statement, so concurrent attempts all count. A streak older than the reset window starts
      // over. last_failure_at is assigned last: MySQL evaluates SET left to right with updated values.
      const updated = await this.counters
        .createQueryBuilder()
        .update()
        .set({
          failures: () => 'CASE WHEN last_failure_at < :cutoff THEN 1 ELSE failures + 1 END',
          firstFailureAt: () => 'CASE WHEN last_failure_at < :cutoff THEN :now ELSE first_failure_at END',
          lastFailureAt: now,
        })
        .where('counter_key = :key', { key })
        .setParameters({ cutoff, now })
        .execute();
      if (updated.affected) return this.read([key, ...others]);
      try {
        await this.counters.insert({ key, failures: 1, firstFailureAt: now, lastFailureAt: now, lockedUntil: null });
        return [{ failures: 1, lockedUntil: null }, ...(others.length > 0 ? await this.read(others) : [])];
      } catch (error) {
        // Another request created the row first: count on it.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return this.read([key, ...others]);
  }

  async lock(key: string, until: Date, now: Date): Promise<boolean> {
    const result = await this.counters
      .createQueryBuilder()
      .update()
      .set({ lockedUntil: until })
      .where('counter_key = :key', { key })
      .andWhere(new Brackets((free) => free.where('locked_until IS NULL').orWhere('locked_until <= :now', { now })))
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async subtract(key: string, amount: number): Promise<void> {
    await this.counters
      .createQueryBuilder()
      .update()
      .set({ failures: () => 'CASE WHEN failures > :amount THEN failures - :amount ELSE 0 END' })
      .where('counter_key = :key', { key })
      .setParameters({ amount })
      .execute();
  }

  async reset(key: string): Promise<void> {
    await this.counters.delete({ key });
  }

  // Deleting on the count seen is one statement in the usual case and exact under concurrency: what
  // the deleted row held is what the caller takes off the account.
  async take(key: string, seen: number): Promise<number> {
    let failures = seen;
    for (let attempt = 0; attempt < 3; attempt++) {
      const deleted = await this.counters.delete({ key, failures });
      if (deleted.affected) return failures;
      const row = await this.counters.findOne({ select: { failures: true }, where: { key } });
      if (!row) return 0;
      failures = row.failures;
    }
    // Still moving after three tries: forget it anyway, with the last count read.
    await this.reset(key);
    return failures;
  }

  // Keys are made of hex digits and colons only, so the prefix holds no LIKE wildcard.
  async readPrefix(prefix: string): Promise<CounterState[]> {
    const rows = await this.counters.findBy({ key: Like(`${prefix}%`) });
    return rows.map((row) => ({ failures: row.failures, lockedUntil: row.lockedUntil }));
  }

  async resetPrefix(prefix: string): Promise<void> {
    await this.counters.delete({ key: Like(`${prefix}%`) });
  }

  /** Drops counters nobody needs any more, so a spray of made-up usernames cannot grow the table forever. */
  private async purge(): Promise<void> {
    const now = new Date();
    await this.counters
      .createQueryBuilder()
      .delete()
      .where('last_failure_at < :cutoff', { cutoff: new Date(now.getTime() - this.policy.retentionMs) })
      .andWhere(new Brackets((free) => free.where('locked_until IS NULL').orWhere('locked_until <= :now', { now })))
      .execute();
  }
}

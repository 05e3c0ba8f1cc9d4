import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** One key's hits (their expiry times, oldest first, from `head` on) and its block, if any. */
interface Bucket {
  expiries: number[];
  head: number;
  blockedUntil: number;
}

/**
 * `@nestjs/throttler` storage in this process's memory (when REDIS_URL is unset): the same sliding window as
 * the library's own store (each hit counts for `ttl` ms; past `limit` the key is blocked for `blockDuration`
 * and its hits are forgotten), at constant cost per request. The library's store filters every live hit of
 * the key into a new array on each request (`pruneExpiredHits`), so its cost grows with the limit: 7% of all
 * CPU in the benchmark (bench/run.mjs, limits of 10^9) and a copy of up to `limit` numbers per request in
 * production. Every key has one ttl, so hits expire in the order they came: dropping them from the head is
 * enough. Idle keys are swept at most once per `sweepIntervalMs`, during a request (no timer).
 */
export class MemoryThrottlerStorage implements ThrottlerStorage {
  private readonly buckets = new Map<string, Bucket>();
  private nextSweepAt: number;

  constructor(
    private readonly sweepIntervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {
    this.nextSweepAt = now() + sweepIntervalMs;
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    if (now >= this.nextSweepAt) this.sweep(now);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { expiries: [], head: 0, blockedUntil: 0 };
      this.buckets.set(key, bucket);
    }
    if (bucket.blockedUntil > now) return Promise.resolve(blocked(bucket, now));
    if (bucket.blockedUntil > 0) forget(bucket);
    dropExpired(bucket, now);
    bucket.expiries.push(now + ttl);
    if (liveHits(bucket) > limit) {
      bucket.blockedUntil = now + blockDuration;
      return Promise.resolve(blocked(bucket, now));
    }
    return Promise.resolve({
      totalHits: liveHits(bucket),
      timeToExpire: secondsUntil(bucket.expiries[bucket.head], now),
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  }

  /** Keys that are neither blocked nor hold a live hit: a later request starts them afresh. */
  private sweep(now: number): void {
    this.nextSweepAt = now + this.sweepIntervalMs;
    for (const [key, bucket] of this.buckets) {
      if (bucket.blockedUntil > now) continue;
      dropExpired(bucket, now);
      if (liveHits(bucket) === 0) this.buckets.delete(key);
    }
  }
}

function blocked(bucket: Bucket, now: number): ThrottlerStorageRecord {
  const hits = liveHits(bucket);
  return {
    totalHits: hits,
    timeToExpire: hits > 0 ? secondsUntil(bucket.expiries[bucket.head], now) : 0,
    isBlocked: true,
    timeToBlockExpire: secondsUntil(bucket.blockedUntil, now),
  };
}

/** A block that ran out starts the key afresh, as in the library's store. */
function forget(bucket: Bucket): void {
  bucket.expiries = [];
  bucket.head = 0;
  bucket.blockedUntil = 0;
}

function dropExpired(bucket: Bucket, now: number): void {
  const { expiries } = bucket;
  while (bucket.head < expiries.length && expiries[bucket.head] <= now) bucket.head++;
  // Compact once the dropped part is the larger half: each hit is copied at most once on average.
  if (bucket.head > 0 && bucket.head * 2 >= expiries.length) {
    expiries.splice(0, bucket.head);
    bucket.head = 0;
  }
}

function liveHits(bucket: Bucket): number {
  return bucket.expiries.length - bucket.head;
}

function secondsUntil(time: number, now: number): number {
  return Math.ceil((time - now) / 1000);
}

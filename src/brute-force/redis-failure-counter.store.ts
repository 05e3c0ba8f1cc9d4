import type { Redis } from 'ioredis';
import { BruteForcePolicy, type CounterState } from './brute-force-policy';
import { FailureCounterStore } from './failure-counter.store';

// One hash per key: failures and locked_until (ms since epoch). Each script runs atomically in Redis.
const INCREMENT = `
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {failures, redis.call('HGET', KEYS[1], 'locked_until') or ''}`;

const LOCK = `
local current = tonumber(redis.call('HGET', KEYS[1], 'locked_until') or '0')
if current > tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'locked_until', ARGV[1])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1`;

const SUBTRACT = `
local failures = tonumber(redis.call('HGET', KEYS[1], 'failures') or '0')
if failures > 0 then redis.call('HSET', KEYS[1], 'failures', math.max(failures - tonumber(ARGV[1]), 0)) end
return 1`;

const TAKE = `
local failures = tonumber(redis.call('HGET', KEYS[1], 'failures') or '0')
redis.call('DEL', KEYS[1])
return failures`;

/** Counters in Redis, shared by every instance; a key expires on its own once nobody needs it. */
export class RedisFailureCounterStore extends FailureCounterStore {
  constructor(
    private readonly redis: Redis,
    private readonly policy: BruteForcePolicy,
  ) {
    super();
  }

  async read(keys: string[]): Promise<CounterState[]> {
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hmget(this.redisKey(key), 'failures', 'locked_until');
    const results = (await pipeline.exec()) ?? [];
    return results.map(([error, value]) => {
      if (error) throw error;
      const [failures, lockedUntil] = value as [string | null, string | null];
      return toState(failures, lockedUntil);
    });
  }

  // The key's TTL restarts with each failure, so Redis forgets a streak by itself once it goes quiet.
  // The script and the reads go in one pipeline: one round trip.
  async incrementAndRead(key: string, _now: Date, others: string[]): Promise<CounterState[]> {
    const pipeline = this.redis.pipeline().eval(INCREMENT, 1, this.redisKey(key), this.policy.resetMs);
    for (const other of others) pipeline.hmget(this.redisKey(other), 'failures', 'locked_until');
    const results = (await pipeline.exec()) ?? [];
    return results.map(([error, value]) => {
      if (error) throw error;
      const [failures, lockedUntil] = value as [string | number | null, string | null];
      return toState(failures, lockedUntil);
    });
  }

  async lock(key: string, until: Date, now: Date): Promise<boolean> {
    const ttl = Math.max(this.policy.resetMs, until.getTime() - now.getTime());
    const started = await this.redis.eval(LOCK, 1, this.redisKey(key), until.getTime(), now.getTime(), ttl);
    return Number(started) === 1;
  }

  async subtract(key: string, amount: number): Promise<void> {
    await this.redis.eval(SUBTRACT, 1, this.redisKey(key), amount);
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.redisKey(key));
  }

  // Read and delete in one script: exact whatever `seen` was.
  async take(key: string): Promise<number> {
    return Number(await this.redis.eval(TAKE, 1, this.redisKey(key)));
  }

  async readPrefix(prefix: string): Promise<CounterState[]> {
    const keys = await this.keysWith(prefix);
    return keys.length === 0 ? [] : this.read(keys);
  }

  async resetPrefix(prefix: string): Promise<void> {
    const keys = await this.keysWith(prefix);
    if (keys.length > 0) await this.redis.del(...keys.map((key) => this.redisKey(key)));
  }

  /**
   * The store keys starting with `prefix`. SCAN ignores ioredis's keyPrefix, so the pattern carries it
   * and the answers lose it again. Only admins' lock views and unlocks scan.
   */
  private async keysWith(prefix: string): Promise<string[]> {
    const full = `${this.redis.options.keyPrefix ?? ''}${this.redisKey('')}`;
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', `${full}${prefix}*`, 'COUNT', 1000);
      found.push(...batch.map((key) => key.slice(full.length)));
      cursor = next;
    } while (cursor !== '0');
    return found;
  }

  private redisKey(key: string): string {
    return `brute-force:${key}`;
  }
}

function toState(failures: string | number | null, lockedUntil: string | null): CounterState {
  return { failures: Number(failures ?? 0), lockedUntil: lockedUntil ? new Date(Number(lockedUntil)) : null };
}

import type { ThrottlerLimitDetail, ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

type ThrottlerStorageRecord = Pick<
  ThrottlerLimitDetail,
  'totalHits' | 'timeToExpire' | 'isBlocked' | 'timeToBlockExpire'
>;

// A fixed window per key plus a block key; one atomic script, so instances sharing Redis count together.
// KEYS: hits, block. ARGV: window ms, limit, block ms. Returns hits, window ms left, blocked, block ms left.
const HIT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]), 1, blocked}
end
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, ttl, 1, tonumber(ARGV[3])}
end
return {hits, ttl, 0, 0}`;

/** `@nestjs/throttler` storage over the shared Redis (the published Redis storage does not install on Nest 12). */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly redis: Redis) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const base = `throttle:${key}`;
    const [totalHits, windowMs, blocked, blockMs] = (await this.redis.eval(
      HIT,
      2,
      base,
      `${base}:blocked`,
      ttl,
      limit,
      blockDuration,
    )) as [number, number, number, number];
    return {
      totalHits,
      timeToExpire: Math.ceil(Math.max(0, windowMs) / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(Math.max(0, blockMs) / 1000),
    };
  }
}

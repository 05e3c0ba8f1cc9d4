import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis server of the machine; tests keep to a key prefix of their own. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix unique to one suite, so concurrent suites never share counters. */
export function aRedisPrefix(): string {
  return `oauth-test-${randomBytes(6).toString('hex')}:`;
}

/** Deletes every key under `prefix`: what a suite wrote to the shared Redis. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

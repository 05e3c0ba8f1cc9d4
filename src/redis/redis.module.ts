import { Global, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { ClusterEvents } from './cluster-events';
import { InjectRedis, REDIS } from './redis-connection';

export { InjectRedis, REDIS } from './redis-connection';

/** ioredis is loaded only when REDIS_URL is set: a single instance without Redis never needs its modules. */
async function connect(config: AppConfig): Promise<Redis | null> {
  if (!config.redisUrl) return null;
  const { Redis } = await import('ioredis');
  const redis = new Redis(config.redisUrl, {
    keyPrefix: config.redisKeyPrefix,
    // Fail a command fast during an outage (the request gets 503) instead of queueing it while the client waits.
    maxRetriesPerRequest: 1,
    // Shutdown while Redis is down: ioredis would otherwise keep a 2 s timer on the dead socket.
    disconnectTimeout: 200,
  });
  // ioredis reconnects by itself; without a listener it would print every failed attempt to stderr.
  const logger = new Logger('Redis');
  redis.on('error', (error: Error) => logger.warn(`Redis unavailable: ${error.message}`));
  return redis;
}

@Global()
@Module({
  providers: [{ provide: REDIS, useFactory: connect, inject: [AppConfig] }, ClusterEvents],
  exports: [REDIS, ClusterEvents],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.redis) return;
    // quit() waits for pending replies; a client still trying to reconnect just stops.
    if (this.redis.status === 'ready') await this.redis.quit();
    else this.redis.disconnect();
  }
}

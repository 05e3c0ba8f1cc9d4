import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';
import { MemoryThrottlerStorage } from './memory-throttler.store';
import { RateLimitGuard } from './rate-limit.guard';
import { rateLimitRules } from './rate-limit-rules';
import { RedisThrottlerStorage } from './redis-throttler.store';

/** Rate limits on /oauth/*, sign-up and the portal; counted in Redis when REDIS_URL is set, else in memory. */
@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.rateLimit.enabled) return { module: RateLimitModule };
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRootAsync({
          inject: [AppConfig, REDIS],
          useFactory: (appConfig: AppConfig, redis: Redis | null) => ({
            throttlers: rateLimitRules(appConfig.rateLimit),
            storage: redis ? new RedisThrottlerStorage(redis) : new MemoryThrottlerStorage(),
            // Keys are shared by every route of an area, not per handler.
            generateKey: (_context, tracker, name) => `${name}:${tracker}`,
            setHeaders: false,
          }),
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
    };
  }
}

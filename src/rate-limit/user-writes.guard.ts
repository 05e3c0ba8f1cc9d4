import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';
import { MemoryThrottlerStorage } from './memory-throttler.store';
import { TooManyRequestsException } from './rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler.store';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const THROTTLER_NAME = 'user-writes';

/**
 * Per-user limit on authenticated writes (apps, contacts, organizations, /users/me, admin changes):
 * what a per-address limit cannot see, one account spread over many addresses. It must run after the
 * bearer guard, which puts the verified token on the request, so it is an APP_GUARD of its own, provided
 * after AuthModule's (UserWritesRateLimitModule). Counted where the other limits are: Redis when set.
 */
@Injectable()
export class UserWritesRateLimitGuard implements CanActivate {
  private readonly storage: ThrottlerStorage;
  private readonly windowMs: number;
  private readonly limit: number;

  constructor(config: AppConfig, @Inject(REDIS) redis: Redis | null) {
    this.windowMs = config.rateLimit.windowSeconds * 1000;
    this.limit = config.rateLimit.writesPerUser;
    this.storage = redis ? new RedisThrottlerStorage(redis) : new MemoryThrottlerStorage();
  }

  /** Synchronous for every request it does not count: Nest awaits only a guard that returns a promise. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const userId = request.principal?.userId;
    if (!userId || !WRITES.has(request.method)) return true;
    return this.countWrite(userId);
  }

  private async countWrite(userId: string): Promise<boolean> {
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      `${THROTTLER_NAME}:${userId}`,
      this.windowMs,
      this.limit,
      this.windowMs,
      THROTTLER_NAME,
    );
    if (isBlocked) throw new TooManyRequestsException(Math.max(1, timeToBlockExpire));
    return true;
  }
}

import { Module } from '@nestjs/common';
import { getRepositoryToken, TypeOrmModule } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';
import { UsersModule } from '../users/users.module';
import { BruteForcePolicy } from './brute-force-policy';
import { BruteForceService } from './brute-force.service';
import { DatabaseFailureCounterStore } from './database-failure-counter.store';
import { FailureCounterStore } from './failure-counter.store';
import { LoginFailureCounter } from './login-failure-counter.entity';
import { PasswordCheckService } from './password-check.service';
import { RedisFailureCounterStore } from './redis-failure-counter.store';

/** Brute-force defence of every password check (the password grant, the sign-in page); counters in Redis when configured, else in the database. */
@Module({
  imports: [TypeOrmModule.forFeature([LoginFailureCounter]), UsersModule],
  providers: [
    {
      provide: BruteForcePolicy,
      useFactory: (config: AppConfig) => new BruteForcePolicy(config.bruteForce),
      inject: [AppConfig],
    },
    {
      provide: FailureCounterStore,
      useFactory: (redis: Redis | null, counters: Repository<LoginFailureCounter>, policy: BruteForcePolicy) =>
        redis ? new RedisFailureCounterStore(redis, policy) : new DatabaseFailureCounterStore(counters, policy),
      inject: [REDIS, getRepositoryToken(LoginFailureCounter), BruteForcePolicy],
    },
    BruteForceService,
    PasswordCheckService,
  ],
  exports: [BruteForceService, PasswordCheckService],
})
export class BruteForceModule {}

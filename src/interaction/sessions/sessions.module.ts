import { Module } from '@nestjs/common';
import { getRepositoryToken, TypeOrmModule } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { REDIS } from '../../redis/redis.module';
import { DatabaseSessionStore } from './database-session.store';
import { RedisSessionStore } from './redis-session.store';
import { Session } from './session.entity';
import { SessionStore } from './session.store';
import { SessionsService } from './sessions.service';

/** Browser sessions (single sign-on): in Redis when configured, else in the database. */
@Module({
  imports: [TypeOrmModule.forFeature([Session])],
  providers: [
    {
      provide: SessionStore,
      useFactory: (redis: Redis | null, sessions: Repository<Session>, config: AppConfig) =>
        redis ? new RedisSessionStore(redis, config.session.idleSeconds * 1000) : new DatabaseSessionStore(sessions),
      inject: [REDIS, getRepositoryToken(Session), AppConfig],
    },
    SessionsService,
  ],
  exports: [SessionsService],
})
export class SessionsModule {}

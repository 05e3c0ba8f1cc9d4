import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { UserWritesRateLimitGuard } from './user-writes.guard';

/**
 * The per-user write limit. Import it after AuthModule: APP_GUARDs run in the order they are provided,
 * and this one reads the user the bearer guard verified.
 */
@Module({})
export class UserWritesRateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.rateLimit.enabled) return { module: UserWritesRateLimitModule };
    return {
      module: UserWritesRateLimitModule,
      providers: [{ provide: APP_GUARD, useClass: UserWritesRateLimitGuard }],
    };
  }
}

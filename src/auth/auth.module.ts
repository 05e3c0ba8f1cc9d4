import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokensModule } from '../access-tokens/access-tokens.module';
import { BearerGuard } from './bearer.guard';
import { RouteMetadata } from './route-metadata';
import { ScopesGuard } from './scopes.guard';

/**
 * Resource protection for the whole app: the bearer guard, then the scopes guard, on every route
 * (APP_GUARDs run in the order they are provided). `@Public()` opens a route.
 */
@Module({
  imports: [AccessTokensModule],
  providers: [
    RouteMetadata,
    { provide: APP_GUARD, useClass: BearerGuard },
    { provide: APP_GUARD, useClass: ScopesGuard },
  ],
})
export class AuthModule {}

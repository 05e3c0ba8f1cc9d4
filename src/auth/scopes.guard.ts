import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { BearerTokenError } from '../common/errors/bearer-token.error';
import { RouteMetadata } from './route-metadata';

/** Runs after the bearer guard: the token must carry every scope `@Scopes()` lists (RFC 6750 §3.1). */
@Injectable()
export class ScopesGuard implements CanActivate {
  constructor(private readonly routes: RouteMetadata) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const { isPublic, requiredScopes } = this.routes.of(context);
    if (isPublic || requiredScopes.length === 0) return true;
    const { principal } = context.switchToHttp().getRequest<FastifyRequest>();
    if (!principal) throw new BearerTokenError(undefined, 'An access token is required');
    const missing = requiredScopes.filter((scope) => !principal.scopes.includes(scope));
    if (missing.length > 0) {
      throw new BearerTokenError(
        'insufficient_scope',
        `The access token lacks the scope ${missing.join(' ')}`,
        requiredScopes,
      );
    }
    return true;
  }
}

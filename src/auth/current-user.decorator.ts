import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { BearerTokenError } from '../common/errors/bearer-token.error';

/**
 * The id of the user behind the access token. A token with no user (client_credentials) is refused
 * with 403 insufficient_scope: the route acts for a person.
 */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const { principal } = context.switchToHttp().getRequest<FastifyRequest>();
  if (!principal) throw new BearerTokenError(undefined, 'An access token is required');
  if (!principal.userId) {
    throw new BearerTokenError('insufficient_scope', 'This route acts for a user; a client_credentials token has none');
  }
  return principal.userId;
});

import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { BearerTokenError } from '../common/errors/bearer-token.error';
import type { AccessTokenPrincipal } from '../access-tokens/access-token-principal';

/** The verified access token of a guarded route. */
export const CurrentToken = createParamDecorator((_data: unknown, context: ExecutionContext): AccessTokenPrincipal => {
  const { principal } = context.switchToHttp().getRequest<FastifyRequest>();
  if (!principal) throw new BearerTokenError(undefined, 'An access token is required');
  return principal;
});

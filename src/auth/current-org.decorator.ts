import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { BearerTokenError } from '../common/errors/bearer-token.error';
import type { OrganizationClaims } from '../organizations/organization-claims';

/**
 * The organization the access token was issued for (its `org_id`, `org` and `org_roles` claims). A
 * token issued for no organization is refused with 403 insufficient_scope: the route acts within one.
 */
export const CurrentOrg = createParamDecorator((_data: unknown, context: ExecutionContext): OrganizationClaims => {
  const { principal } = context.switchToHttp().getRequest<FastifyRequest>();
  if (!principal) throw new BearerTokenError(undefined, 'An access token is required');
  if (!principal.organization) {
    throw new BearerTokenError('insufficient_scope', 'This route needs a token issued for an organization');
  }
  return principal.organization;
});

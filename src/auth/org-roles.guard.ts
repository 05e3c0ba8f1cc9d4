import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { BearerTokenError } from '../common/errors/bearer-token.error';
import { type OrganizationRole, roleSatisfies } from '../organizations/organization-role';

/** Metadata read by the org roles guard: the token must hold one of these roles (or a stronger one). */
export const RequiredOrgRoles = Reflector.createDecorator<readonly OrganizationRole[]>();

/**
 * Runs after the bearer and scopes guards: the token must have been issued for an organization, with
 * a role in it that satisfies one the route names (an owner satisfies `admin`).
 */
@Injectable()
export class OrgRolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride(RequiredOrgRoles, [context.getHandler(), context.getClass()]);
    if (!required || required.length === 0) return true;
    const { principal } = context.switchToHttp().getRequest<FastifyRequest>();
    if (!principal) throw new BearerTokenError(undefined, 'An access token is required');
    const held = principal.organization?.roles ?? [];
    if (!required.some((role) => held.some((heldRole) => roleSatisfies(heldRole, role)))) {
      throw new BearerTokenError(
        'insufficient_scope',
        `This route needs a token issued for an organization with the role ${required.join(' or ')}`,
      );
    }
    return true;
  }
}

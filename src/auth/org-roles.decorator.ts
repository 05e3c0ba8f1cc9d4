import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { OrganizationRole } from '../organizations/organization-role';
import { ErrorResponseDto } from '../swagger/error-response.dto';
import { OrgRolesGuard, RequiredOrgRoles } from './org-roles.guard';

/**
 * The access token must have been issued for an organization with one of these roles in it (`org_roles`;
 * roles nest: an owner is also an admin and a member). Combine with `@Scopes()`.
 */
export function OrgRoles(...roles: OrganizationRole[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    RequiredOrgRoles(roles),
    UseGuards(OrgRolesGuard),
    ApiForbiddenResponse({
      description: `insufficient_scope: the token lacks a scope, or was not issued for an organization with the role ${roles.join(' or ')}`,
      type: ErrorResponseDto,
    }),
  );
}

import { applyDecorators, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTags } from '@nestjs/swagger';
import { Scopes } from '../auth/scopes.decorator';
import { CurrentAdminGuard } from './current-admin.guard';

/** Marks a controller as admin-only; test/e2e/admin-routes.e2e-spec.ts checks every /admin route has it. */
export const IsAdminRoute = Reflector.createDecorator<true>();

/**
 * The one rule for every /admin route: a token with the `admin` scope, whose user is still an
 * enabled admin when the request arrives (a demoted or disabled admin gets 403 insufficient_scope).
 */
export function AdminRoute(): ClassDecorator {
  return applyDecorators(IsAdminRoute(true), ApiTags('admin'), Scopes('admin'), UseGuards(CurrentAdminGuard));
}

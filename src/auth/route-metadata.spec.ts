import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Public } from './public.decorator';
import { RouteMetadata } from './route-metadata';
import { Scopes } from './scopes.decorator';

@Scopes('admin')
class AdminController {
  @Scopes('admin', 'audit.read')
  audit(): void {}

  list(): void {}
}

@Public()
class OpenController {
  @Scopes('ignored')
  page(): void {}
}

const contextFor = (controller: new () => object, method: string): ExecutionContext =>
  ({
    getClass: () => controller,
    getHandler: () => (controller.prototype as Record<string, unknown>)[method],
  }) as ExecutionContext;

describe('RouteMetadata', () => {
  const routes = new RouteMetadata(new Reflector());

  it('requires the scopes of the controller and of the handler together', () => {
    expect(routes.of(contextFor(AdminController, 'audit'))).toEqual({
      isPublic: false,
      requiredScopes: ['admin', 'audit.read'],
    });
    expect(routes.of(contextFor(AdminController, 'list')).requiredScopes).toEqual(['admin']);
  });

  it('opens every route of a @Public() controller', () => {
    expect(routes.of(contextFor(OpenController, 'page')).isPublic).toBe(true);
  });

  it('answers the same object for the same handler (read once)', () => {
    const context = contextFor(AdminController, 'audit');
    expect(routes.of(context)).toBe(routes.of(context));
  });
});

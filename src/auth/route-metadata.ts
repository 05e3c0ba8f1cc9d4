import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Public } from './public.decorator';
import { RequiredScopes } from './scopes.decorator';

export interface RouteProtection {
  isPublic: boolean;
  /** Every scope the handler and its controller require. */
  requiredScopes: readonly string[];
}

/**
 * What `@Public()` and `@Scopes()` say about a route, read once per handler: metadata never changes
 * after start, and the guards run on every request.
 */
@Injectable()
export class RouteMetadata {
  private readonly byHandler = new WeakMap<object, RouteProtection>();

  constructor(private readonly reflector: Reflector) {}

  of(context: ExecutionContext): RouteProtection {
    const handler = context.getHandler();
    let protection = this.byHandler.get(handler);
    if (!protection) {
      const targets = [handler, context.getClass()];
      protection = {
        isPublic: this.reflector.getAllAndOverride(Public, targets) === true,
        requiredScopes: [...new Set(this.reflector.getAllAndMerge(RequiredScopes, targets).flat())],
      };
      this.byHandler.set(handler, protection);
    }
    return protection;
  }
}

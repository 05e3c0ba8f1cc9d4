import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { routeTemplateOf } from '../common/http/route-template';
import { areaOf } from './rate-limit-rules';

/** A 429 that carries how long to wait; the error filter turns it into `Retry-After` (RFC 6585 §4). */
export class TooManyRequestsException extends ThrottlerException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests; try again later');
  }
}

/**
 * The throttler guard, with one `Retry-After` header instead of one per named throttler. Requests outside
 * every limited area skip it at once, instead of asking each named throttler whether it applies.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  override canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // The matched route's template, never the raw URL: `/%6fauth/token` is /oauth/token (issue #10 item 2).
    if (areaOf(request.method, routeTemplateOf(request)) === undefined) return Promise.resolve(true);
    return super.canActivate(context);
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    return Promise.reject(new TooManyRequestsException(Math.max(1, detail.timeToBlockExpire)));
  }
}

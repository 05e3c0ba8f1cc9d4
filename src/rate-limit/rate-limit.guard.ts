import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';

/** A 429 that carries how long to wait; the error filter turns it into `Retry-After` (RFC 6585 §4). */
export class TooManyRequestsException extends ThrottlerException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests; try again later');
  }
}

/** The throttler guard, with one `Retry-After` header instead of one per named throttler. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    return Promise.reject(new TooManyRequestsException(Math.max(1, detail.timeToBlockExpire)));
  }
}

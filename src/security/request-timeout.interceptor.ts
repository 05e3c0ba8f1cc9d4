import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError, timeout, TimeoutError } from 'rxjs';
import { DomainError } from '../common/errors/domain.error';

/**
 * Answers 503 (OAuth routes: temporarily_unavailable) when a handler has not finished in time, e.g.
 * a database that stopped answering without closing its connections, so no client waits forever.
 */
@Injectable()
export class RequestTimeoutInterceptor implements NestInterceptor {
  constructor(private readonly timeoutMs: number) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      timeout(this.timeoutMs),
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof TimeoutError
            ? new DomainError('unavailable', 'The service is temporarily unavailable; try again shortly')
            : error,
        ),
      ),
    );
  }
}

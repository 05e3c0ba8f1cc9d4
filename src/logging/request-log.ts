import { LogController } from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * One line per request, written when the response is done: `info` for 2xx/3xx, `warn` for 4xx, `error` for
 * 5xx or a failed response. Fastify's default writes two (incoming and completed).
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const level = error || reply.statusCode >= 500 ? 'error' : reply.statusCode >= 400 ? 'warn' : 'info';
    reply.log[level](
      { req: request, res: reply, responseTime: reply.elapsedTime, err: error ?? undefined },
      'request completed',
    );
  }
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** How often requests in flight are checked against the deadline: the 503 comes at most this much late. */
const SWEEP_INTERVAL_MS = 250;

/**
 * Answers a request whose handler has not finished within `timeoutMs` (e.g. a database that stopped answering
 * without closing its connections) through `answer`, so no client waits forever. One timer for the whole
 * server sweeps the requests in flight; a request costs one Set entry, no timer and no AbortSignal of its own.
 * (Fastify's `handlerTimeout` would do this, but in Fastify 5.12 a request body's end disarms it:
 * fastify/fastify#6725.)
 */
export function enforceHandlerDeadline(
  fastify: FastifyInstance,
  timeoutMs: number,
  answer: (request: FastifyRequest, reply: FastifyReply) => void,
): void {
  // Insertion order is arrival order, and every request has the same budget: the oldest expire first.
  const inFlight = new Set<FastifyReply>();
  fastify.addHook('onRequest', (_request, reply, done) => {
    inFlight.add(reply);
    done();
  });
  fastify.addHook('onResponse', (_request, reply, done) => {
    inFlight.delete(reply);
    done();
  });

  const sweep = setInterval(() => {
    for (const reply of inFlight) {
      if (reply.sent || reply.raw.destroyed) {
        inFlight.delete(reply);
        continue;
      }
      if (reply.elapsedTime < timeoutMs) break;
      inFlight.delete(reply);
      answer(reply.request, reply);
    }
  }, SWEEP_INTERVAL_MS);
  sweep.unref();
  fastify.addHook('onClose', (_instance, done) => {
    clearInterval(sweep);
    done();
  });
}

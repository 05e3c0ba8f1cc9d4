import type { FastifyReply } from 'fastify';

/**
 * Where errors are shown as HTML pages instead of JSON (the browser routes). The interaction module
 * implements it; the composition root hands it to the exception filter, so common/ imports no feature.
 * `send` must send synchronously: the filter runs before the route handler's promise settles.
 */
export interface HtmlErrorPages {
  handles(url: string): boolean;
  send(reply: FastifyReply, status: number, message: string): void;
}

import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { routeOrPathOf } from '../http/route-template';
import { HtmlErrorPages } from './html-error-pages';
import { renderError } from './render-error';

/** The one place errors become HTTP responses, for Nest handlers and Fastify's own errors alike. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly config: AppConfig,
    private readonly htmlErrorPages?: HtmlErrorPages,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.reply(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  reply(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const route = routeOrPathOf(request);
    const rendered = renderError(exception, { route, realm: this.config.issuer });
    if (rendered.unexpected) this.logger.error(describeForLog(exception));
    if (reply.sent) return;
    if (this.htmlErrorPages?.handles(route)) {
      this.sendPage(this.htmlErrorPages, reply, rendered.status, rendered.headers, messageOf(rendered.body));
      return;
    }
    void reply
      .status(rendered.status)
      .headers(rendered.headers)
      .type('application/json; charset=utf-8')
      .send(rendered.body);
  }

  private sendPage(
    pages: HtmlErrorPages,
    reply: FastifyReply,
    status: number,
    headers: Record<string, string>,
    message: string,
  ): void {
    try {
      pages.send(reply.headers(headers), status, message);
    } catch (error) {
      this.logger.error(describeForLog(error));
      if (!reply.sent) void reply.status(status).type('text/plain; charset=utf-8').send(message);
    }
  }
}

/** The human-readable part of either JSON error shape. */
function messageOf(body: Record<string, unknown>): string {
  const message = body.error_description ?? body.message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : 'The request could not be completed';
}

// Only the name, message and stack: driver errors also carry the SQL and its parameters, which may hold hashes.
function describeForLog(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { error: String(exception) };
  const { code } = exception as { code?: unknown };
  return { error: exception.name, code, message: exception.message, stack: exception.stack };
}

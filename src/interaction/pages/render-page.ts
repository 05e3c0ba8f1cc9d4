import type { FastifyReply } from 'fastify';
import { Eta } from 'eta';
import { join } from 'node:path';
import { pageSecurityHeaders } from './page-security-headers';

/** Views sit beside this file in src/ and, copied by the build (nest-cli.json), in dist/. */
const pages = new Eta({ views: join(__dirname, 'views'), autoEscape: true, cache: true });

const csrfTokens = new WeakMap<FastifyReply, string>();

/**
 * The CSRF token for this response's forms. One per response: generating a second one in the same
 * request would set a second secret cookie and void the first token.
 */
export function csrfTokenFor(reply: FastifyReply): string {
  let token = csrfTokens.get(reply);
  if (token === undefined) {
    token = reply.generateCsrf();
    csrfTokens.set(reply, token);
  }
  return token;
}

export interface PageOptions {
  status?: number;
  /** Where the page's forms may lead besides this server (see pageSecurityHeaders). */
  formTargets?: readonly string[];
}

/** Every page has a title; the layout shows it in <title> and as the heading. */
export interface PageData {
  title: string;
  [name: string]: unknown;
}

/**
 * Renders `views/<template>.eta` inside the layout and sends it with the page security headers.
 * Eta escapes every `<%= %>` output; only the layout uses the raw `<%~ %>` form, for the rendered
 * page. Every page gets `csrfToken` for its forms' `_csrf` field. Synchronous, so that the exception
 * filter can send an error page before the route handler's promise settles.
 */
export function renderPage(
  reply: FastifyReply,
  template: string,
  data: PageData,
  options: PageOptions = {},
): FastifyReply {
  const context = { ...data, csrfToken: csrfTokenFor(reply) };
  const body = pages.render(`./${template}`, context);
  const html = pages.render('./layout', { ...context, body });
  return reply
    .status(options.status ?? 200)
    .headers(pageSecurityHeaders(options.formTargets))
    .type('text/html; charset=utf-8')
    .send(html);
}

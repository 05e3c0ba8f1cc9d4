import type { FastifyReply } from 'fastify';
import type { HtmlErrorPages } from '../../common/filters/html-error-pages';
import { isBrowserRoute } from './browser-routes';
import { renderPage } from './render-page';

/** Errors on the browser routes as the error page, with the message the JSON body would have carried. */
export const browserErrorPages: HtmlErrorPages = {
  handles: isBrowserRoute,
  send(reply: FastifyReply, status: number, message: string): void {
    const title = status >= 500 ? 'Something went wrong' : 'Request refused';
    renderPage(reply, 'error', { title, message }, { status });
  },
};

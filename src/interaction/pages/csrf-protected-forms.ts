// The plugin's type augmentation declares `fastify.csrfProtection`.
import type {} from '@fastify/csrf-protection';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { isBrowserRoute } from './browser-routes';

/** Methods that change state; on a browser route each needs the form's CSRF token. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Secure by default: every state-changing browser route checks the CSRF token of its form
 * (`_csrf`, double-submit against the secret cookie). Runs as a preHandler, after the body is parsed.
 */
export function protectBrowserFormsAgainstCsrf(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!isBrowserRoute(route.url) || !methods.some((method) => UNSAFE_METHODS.has(method))) return;
    const existing = route.preHandler ? [route.preHandler].flat() : [];
    route.preHandler = [fastify.csrfProtection.bind(fastify), ...existing];
  });
}

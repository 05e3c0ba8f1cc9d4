import type { FastifyRequest } from 'fastify';

/**
 * The template of the route Fastify matched (`/clients/:clientId`), or undefined when none matched.
 * Whatever a path decides (rate limits, body limits, content types, error shape, caching) is decided on
 * this, never on `request.url`: the raw target may be percent-encoded (`/%6fauth/token`) or in absolute
 * form (`POST http://host/users`, RFC 9112 §3.2.2) and still reach the same handler.
 */
export function routeTemplateOf(request: Pick<FastifyRequest, 'routeOptions'>): string | undefined {
  return request.routeOptions?.url;
}

/**
 * For the error answer only: the matched route's template, or for a request no route matched (a 404,
 * a malformed target) its path as the router reads it: without scheme, authority and query, decoded.
 */
export function routeOrPathOf(request: Pick<FastifyRequest, 'routeOptions' | 'url'>): string {
  return routeTemplateOf(request) ?? decodedPathOf(request.url);
}

function decodedPathOf(target: string): string {
  const path = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split('?', 1)[0];
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

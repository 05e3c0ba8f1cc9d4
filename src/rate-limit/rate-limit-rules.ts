import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerOptions } from '@nestjs/throttler';
import { normalizeIp } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { decodeBasicHeader } from '../clients/client-basic-credentials';
import { routeTemplateOf } from '../common/http/route-template';
import type { RateLimitConfig } from '../config/app-config';

type Area = 'oauth' | 'signup' | 'portal';

/**
 * Which limited area a request belongs to, if any: the token endpoints, sign-up, the developer portal.
 * Decided on the matched route's template, so no spelling of the path escapes its limit.
 */
export function areaOf(method: string, routeTemplate: string | undefined): Area | undefined {
  if (routeTemplate === undefined) return undefined;
  if (routeTemplate.startsWith('/oauth/')) return 'oauth';
  if (method === 'POST' && routeTemplate === '/users') return 'signup';
  if (routeTemplate === '/clients' || routeTemplate.startsWith('/clients/')) return 'portal';
  return undefined;
}

/** The client_id a token-endpoint request names, from HTTP Basic or the body (RFC 6749 §2.3.1). */
export function clientIdOf(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  const basic = authorization === undefined ? undefined : decodeBasicHeader(authorization);
  if (basic) return safeDecode(basic.id).slice(0, 128);
  const body = request.body as { client_id?: unknown } | undefined;
  return typeof body?.client_id === 'string' && body.client_id ? body.client_id.slice(0, 128) : undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

const requestOf = (context: ExecutionContext): FastifyRequest => context.switchToHttp().getRequest<FastifyRequest>();

const inArea = (area: Area) => (context: ExecutionContext) => {
  const request = requestOf(context);
  return areaOf(request.method, routeTemplateOf(request)) === area;
};

// request.ip honours X-Forwarded-For only when TRUST_PROXY is set (Fastify's trustProxy); IPv6 counts per /64.
const byAddress = (request: Record<string, unknown>): string => normalizeIp(String(request.ip));

/** One named throttler per area and key; each counts in its own bucket across all routes of the area. */
export function rateLimitRules(config: RateLimitConfig): ThrottlerOptions[] {
  const ttl = config.windowSeconds * 1000;
  const perAddress = (area: Area, limit: number): ThrottlerOptions => ({
    name: `${area}-address`,
    ttl,
    limit,
    skipIf: (context) => !inArea(area)(context),
    getTracker: byAddress,
  });
  return [
    perAddress('oauth', config.oauthPerAddress),
    {
      name: 'oauth-client',
      ttl,
      limit: config.oauthPerClient,
      skipIf: (context) => !inArea('oauth')(context) || clientIdOf(requestOf(context)) === undefined,
      getTracker: (_request, context) => clientIdOf(requestOf(context)) ?? '',
    },
    perAddress('signup', config.signupPerAddress),
    perAddress('portal', config.portalPerAddress),
  ];
}

import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '../config/app-config';
import { isOAuthEndpoint } from '../common/http/no-store';
import { RequestTimeoutInterceptor } from './request-timeout.interceptor';

/** The OAuth endpoints take a handful of short form fields; anything bigger is abuse. */
export const OAUTH_BODY_LIMIT = 64 * 1024;

/**
 * Security headers, body limits, request timeouts and CORS. Call before the routes are registered
 * (before init/listen), so the per-route body limit reaches the OAuth routes.
 */
export async function applyHttpHardening(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (isOAuthEndpoint(route.url)) route.bodyLimit = OAUTH_BODY_LIMIT;
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // Swagger UI at /docs loads its bundle and init script from 'self'; its styles are partly inline.
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Only behind HTTPS: on plain HTTP it would send the browser to a port that does not answer TLS.
        upgradeInsecureRequests: config.issuer.startsWith('https:') ? [] : null,
      },
    },
    // Nothing here is meant to be framed (clickjacking on /docs' sign-in form).
    frameguard: { action: 'deny' },
  });

  app.useGlobalInterceptors(new RequestTimeoutInterceptor(config.requestTimeoutMs));
  // CORS stays off unless origins are listed: the API is meant for apps, not arbitrary web pages.
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins });
}

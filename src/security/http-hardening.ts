import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '../config/app-config';
import { isOAuthEndpoint } from '../common/http/no-store';

/** The OAuth endpoints take a handful of short form fields; anything bigger is abuse. */
export const OAUTH_BODY_LIMIT = 64 * 1024;

/**
 * Security headers, body limits and CORS (the timeouts are Fastify's, see app.factory.ts). Call before the routes are registered
 * (before init/listen), so the per-route body limit reaches the OAuth routes.
 */
export function applyHttpHardening(app: NestFastifyApplication, config: AppConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (isOAuthEndpoint(route.url)) route.bodyLimit = OAUTH_BODY_LIMIT;
  });

  // Nest's own security headers: validated and serialised once at start, then copied onto every response
  // (errors and 404s included). The defaults are helmet 8's; these replace some of them.
  app.useSecurityHeaders({
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
    xFrameOptions: { action: 'deny' },
  });

  // CORS stays off unless origins are listed: the API is meant for apps, not arbitrary web pages.
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins });
}

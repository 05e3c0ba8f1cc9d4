import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '../config/app-config';
import { isOAuthEndpoint } from '../common/http/no-store';
import { sendSecurityHeaders } from './security-headers';

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

  sendSecurityHeaders(fastify, config);

  // CORS stays off unless origins are listed: the API is meant for apps, not arbitrary web pages.
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins });
}

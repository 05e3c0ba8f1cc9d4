import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { cacheControlFor, PORTAL_CONTENT_SECURITY_POLICY, REVALIDATE } from './portal-headers';

export const PORTAL_PATH = '/portal/';

/** `npm run build` writes the single-page app here (web/vite.config.mts); the same path from src/ and dist/. */
export const PORTAL_BUILD_DIRECTORY = join(__dirname, '..', '..', 'dist', 'web');

/** What the single-page app cannot know by itself; endpoints come from the RFC 8414 metadata. */
export interface PortalSettings {
  client_id: string;
}

/**
 * Serves the developer portal (the React app in web/) at /portal/: hashed assets cached for a year,
 * index.html revalidated, every other path under /portal/ answered with index.html (client-side
 * routes, including the /portal/callback redirect URI), and `GET /` sent to it.
 */
export async function servePortal(
  app: NestFastifyApplication,
  config: AppConfig,
  directory: string = PORTAL_BUILD_DIRECTORY,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/', (_request, reply) => reply.redirect(PORTAL_PATH, 302));
  if (!existsSync(join(directory, 'index.html'))) {
    new Logger('Portal').warn(`No portal build in ${directory}: run "npm run build" to serve ${PORTAL_PATH}`);
    return;
  }
  const settings: PortalSettings = { client_id: config.portalClientId };
  await fastify.register((portal: FastifyInstance, _options, done) => {
    // Replaces the API's policy (which lets Swagger UI inline styles) for every portal response.
    portal.addHook('onSend', (_request, reply, payload, next) => {
      void reply.header('content-security-policy', PORTAL_CONTENT_SECURITY_POLICY);
      next(null, payload);
    });
    void portal.register(fastifyStatic, {
      root: directory,
      prefix: PORTAL_PATH,
      // One route per built file; the catch-all below is the single-page fallback.
      wildcard: false,
      redirect: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => void reply.header('cache-control', cacheControlFor(filePath)),
    });
    portal.get(`${PORTAL_PATH}settings.json`, (_request, reply) =>
      reply.header('cache-control', REVALIDATE).send(settings),
    );
    // A hashed file that does not exist (an old build's) is a 404, never the page in its place.
    portal.get(`${PORTAL_PATH}assets/*`, (_request, reply) => reply.callNotFound());
    portal.get(`${PORTAL_PATH}*`, (_request, reply) =>
      reply.header('cache-control', REVALIDATE).sendFile('index.html'),
    );
    done();
  });
}

import fastifyCookie from '@fastify/cookie';
import fastifyCsrfProtection from '@fastify/csrf-protection';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { protectBrowserFormsAgainstCsrf } from './csrf-protected-forms';

/** The stylesheet sits beside this file in src/ and, copied by the build (nest-cli.json), in dist/. */
const ASSETS_DIRECTORY = join(__dirname, 'assets');

/**
 * The page infrastructure: cookies, CSRF tokens checked on every form post of a browser route, and
 * the stylesheet under /assets/. Call before the routes are registered.
 */
export async function registerPages(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const secure = config.issuer.startsWith('https:');
  await app.register(fastifyCookie);
  await app.register(fastifyCsrfProtection, {
    // The __Host- prefix pins the secret cookie to this host and path, over TLS only (RFC 6265bis §4.1.3.2).
    cookieKey: secure ? '__Host-csrf' : 'csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure },
  });
  await app.register(fastifyStatic, { root: ASSETS_DIRECTORY, prefix: '/assets/', decorateReply: false });
  protectBrowserFormsAgainstCsrf(app.getHttpAdapter().getInstance());
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Fastify logs one "Server listening at" line per network interface when bound to 0.0.0.0, so
 * start-up output would grow with the host. main.ts prints where the server listens once, so those
 * lines are kept for `debug` only.
 */
export async function listenQuietly(
  app: NestFastifyApplication,
  options: { port: number; host: string },
): Promise<void> {
  const log = app.getHttpAdapter().getInstance().log;
  const level = log.level;
  if (level === 'info') log.level = 'warn';
  try {
    await app.listen(options);
  } finally {
    log.level = level;
  }
}

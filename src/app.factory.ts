import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule, AppModuleOptions } from './app.module';
import { DomainError } from './common/errors/domain.error';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { validationException } from './common/validation/validation-exception';
import { AppConfig } from './config/app-config';
import { runMigrations } from './database/run-migrations';
import { browserErrorPages } from './interaction/pages/browser-error-pages';
import { registerPages } from './interaction/pages/register-pages';
import { createLogger } from './logging/create-logger';
import { lazyChildLoggers } from './logging/lazy-request-logger';
import { NestPinoLogger } from './logging/nest-pino-logger';
import { OneLinePerRequest } from './logging/request-log';
import { requestIdFor } from './logging/request-id';
import { MetricsService } from './metrics/metrics.service';
import { servePortal } from './portal/serve-portal';
import { enforceHandlerDeadline } from './security/handler-deadline';
import { applyHttpHardening } from './security/http-hardening';
import { limitJsonDepth } from './security/json-depth-limit';
import { serverTimeouts } from './security/server-timeouts';
import { setupSwagger } from './swagger/setup-swagger';
import { refuseOtherContentTypesOnOAuthEndpoints } from './tokens/oauth-content-type';

const ONE_MEBIBYTE = 1024 * 1024;

export interface AppOptions extends AppModuleOptions {
  /** Where logs go (tests capture them); stdout when absent. */
  logStream?: DestinationStream;
}

/** Builds the whole application exactly as production runs it; main.ts and every e2e test call this. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const frameworkErrors = new AllExceptionsFilter(config, browserErrorPages);
  const logger = createLogger(config, options.logStream);
  const adapter = new FastifyAdapter({
    // Fastify's own pino logger: one redacted line per request (see request-log.ts), no second layer.
    loggerInstance: logger,
    logController: new OneLinePerRequest(),
    childLoggerFactory: lazyChildLoggers(logger),
    trustProxy: config.trustProxy,
    bodyLimit: ONE_MEBIBYTE,
    ...serverTimeouts(config.http),
    return503OnClosing: true,
    genReqId: requestIdFor,
    // No Nest middleware here (hooks and guards do that work): no @fastify/middie pass on every request.
    skipMiddie: true,
    // A bad percent-escape in the path or an over-long path parameter is answered by Fastify before any
    // route or Nest filter runs: render it in the contract's shape too (found by fuzzing).
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      frameworkErrors.reply(error, request, reply),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
  });
  try {
    await configure(app, config);
    await runMigrations(app.get(DataSource));
  } catch (error) {
    // A half-built app still holds a database pool: release it, or the process never exits.
    await app.close();
    throw error;
  }
  return app;
}

async function configure(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      stopAtFirstError: false,
      exceptionFactory: validationException,
    }),
  );
  const filter = new AllExceptionsFilter(config, browserErrorPages);
  app.useGlobalFilters(filter);

  // Nest routes Fastify's own errors (bad JSON, 413, 415) through this filter too.
  const fastify = app.getHttpAdapter().getInstance();
  limitJsonDepth(app);
  refuseOtherContentTypesOnOAuthEndpoints(fastify);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  enforceHandlerDeadline(fastify, config.requestTimeoutMs, (request, reply) =>
    filter.reply(
      new DomainError('unavailable', 'The service is temporarily unavailable; try again shortly'),
      request,
      reply,
    ),
  );
  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });

  applyHttpHardening(app, config);
  await registerPages(app, config);
  setupSwagger(app, config);
  await servePortal(app, config);
}

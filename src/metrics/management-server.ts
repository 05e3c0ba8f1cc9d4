import { HttpException, Injectable, OnModuleDestroy } from '@nestjs/common';
import fastify, { FastifyInstance } from 'fastify';
import { secretMatchesHash, sha256Hex } from '../common/crypto/secrets';
import { DomainError, NotFoundError } from '../common/errors/domain.error';
import { AllExceptionsFilter } from '../common/filters/all-exceptions.filter';
import { AppConfig } from '../config/app-config';
import { Readiness } from '../health/readiness.service';
import { serverTimeouts } from '../security/server-timeouts';
import { MetricsService } from './metrics.service';

const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * The management listener: `/metrics` (and `/health`) on a port of its own (MANAGEMENT_PORT, bound to
 * MANAGEMENT_HOST, loopback by default), so the public port never shows the Node version, uptime or
 * per-route error counts. A plain Fastify instance: none of the public pipeline (rate limits, pages,
 * Swagger) belongs here. METRICS_TOKEN still guards the scrape.
 */
@Injectable()
export class ManagementServer implements OnModuleDestroy {
  private server?: FastifyInstance;
  private readonly tokenHash?: string;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: MetricsService,
    private readonly readiness: Readiness,
  ) {
    this.tokenHash = config.metricsToken ? sha256Hex(config.metricsToken) : undefined;
  }

  /** Starts listening; resolves with its base URL (e.g. http://127.0.0.1:9000). */
  async listen(): Promise<string> {
    const server = fastify({ logger: false, ...serverTimeouts(this.config.http) });
    this.server = server;
    const errors = new AllExceptionsFilter(this.config);
    server.setErrorHandler((error, request, reply) => errors.reply(error, request, reply));
    server.setNotFoundHandler((request, reply) => errors.reply(new NotFoundError('Route'), request, reply));
    server.get('/metrics', async (request, reply) => {
      this.requireToken(request.headers.authorization);
      return reply.type(PROMETHEUS_TEXT).send(await this.metrics.render());
    });
    server.get('/health', async (_request, reply) => {
      try {
        return await this.readiness.check();
      } catch (error) {
        // terminus answers "not ready" with a 503 exception that carries the details.
        if (!(error instanceof HttpException)) throw error;
        return reply.status(error.getStatus()).send(error.getResponse());
      }
    });
    return server.listen({ port: this.config.management.port, host: this.config.management.host });
  }

  async onModuleDestroy(): Promise<void> {
    await this.server?.close();
  }

  private requireToken(authorization: string | undefined): void {
    if (!this.tokenHash) return;
    const presented = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : '';
    if (!secretMatchesHash(presented, this.tokenHash))
      throw new DomainError('unauthorized', 'A metrics token is required');
  }
}

import { Injectable } from '@nestjs/common';
import {
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { DrainState } from './drain-state';

/**
 * The one readiness check, answered on the main port's /health and the management port's alike:
 * up while not draining and the database answers; otherwise terminus throws a 503 with the details.
 */
@Injectable()
export class Readiness {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    private readonly drain: DrainState,
  ) {}

  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.accepting(), () => this.database.pingCheck('database', { timeout: 2000 })]);
  }

  private accepting(): HealthIndicatorResult {
    const server = this.indicator.check('server');
    return this.drain.isDraining ? server.down('draining') : server.up();
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { DrainState } from './drain-state';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    private readonly drain: DrainState,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Liveness and readiness: 200 when the database answers, 503 when it does not or the server is stopping',
  })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.accepting(),
      () => this.database.pingCheck('database', { timeout: 2000 }),
    ]);
  }

  private accepting(): HealthIndicatorResult {
    const server = this.indicator.check('server');
    return this.drain.isDraining ? server.down('draining') : server.up();
  }
}

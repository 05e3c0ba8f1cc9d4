import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { Readiness } from './readiness.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Liveness and readiness: 200 when the database answers, 503 when it does not or the server is stopping',
  })
  check(): Promise<HealthCheckResult> {
    return this.readiness.check();
  }
}

import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain.error';
import { secretMatchesHash, sha256Hex } from '../common/crypto/secrets';
import { Public } from '../auth/public.decorator';
import { MetricsService } from './metrics.service';

@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly tokenHash?: string;

  constructor(
    private readonly metrics: MetricsService,
    config: AppConfig,
  ) {
    this.tokenHash = config.metricsToken ? sha256Hex(config.metricsToken) : undefined;
  }

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(@Headers('authorization') authorization?: string): Promise<string> {
    if (this.tokenHash) {
      const presented = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : '';
      if (!secretMatchesHash(presented, this.tokenHash))
        throw new DomainError('unauthorized', 'A metrics token is required');
    }
    return this.metrics.render();
  }
}

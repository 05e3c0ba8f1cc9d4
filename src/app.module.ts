import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';

export interface AppModuleOptions {
  /** Where logs go (tests capture them); stdout when absent. */
  logStream?: DestinationStream;
  /** Modules mounted beside the app's own (the benchmark's bench-only routes); never used in production. */
  extraImports?: (Type | DynamicModule)[];
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule.forRoot(config, options.logStream),
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(config.database), retryAttempts: 0 }),
        MetricsModule,
        HealthModule,
        ...(options.extraImports ?? []),
      ],
    };
  }
}

import { Module } from '@nestjs/common';
import { ManagementServer } from './management-server';
import { MetricsService } from './metrics.service';

@Module({ providers: [MetricsService, ManagementServer], exports: [MetricsService, ManagementServer] })
export class MetricsModule {}

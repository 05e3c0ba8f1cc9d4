import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig } from '../config/app-config';
import { REDACTED_PATHS, redactUrl } from './redaction';

/** Structured JSON logs carrying Fastify's request id (see request-id.ts); every secret-bearing field is redacted (see redaction.ts). */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, stream?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: config.logLevel,
              redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
              serializers: {
                req: (request: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
                  id: request.id,
                  method: request.method,
                  url: redactUrl(request.url),
                  remoteAddress: request.remoteAddress,
                }),
              },
              customLogLevel: (_request, response, error) =>
                error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
            },
            stream ?? process.stdout,
          ],
          forRoutes: ['{*splat}'],
        }),
      ],
    };
  }
}

import pino, { type DestinationStream, type Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { REDACTED_PATHS, redactUrl } from './redaction';

/** The request fields a log line keeps: never headers (credentials) nor the body. */
interface LoggedRequest {
  id: string;
  method: string;
  url: string;
  ip?: string;
}

/**
 * The one pino logger of the process: Fastify logs through it (`loggerInstance`) and so does Nest (see
 * NestPinoLogger). JSON lines; every secret-bearing field is redacted (see redaction.ts).
 */
export function createLogger(config: Pick<AppConfig, 'logLevel'>, stream?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      serializers: {
        req: (request: LoggedRequest) => ({
          id: request.id,
          method: request.method,
          url: redactUrl(request.url),
          remoteAddress: request.ip,
        }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    stream ?? process.stdout,
  );
}

import pino, { type DestinationStream, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
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
 * NestPinoLogger). JSON lines, or readable ones on a terminal; every secret-bearing field is redacted
 * (see redaction.ts) before either is written.
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
    stream ?? standardOutput(),
  );
}

/**
 * A person at a terminal reads lines; everything else (containers, log collectors, pipes) gets JSON, and
 * never loads pino-pretty (required here, synchronously, so that its modules stay out of a server's memory).
 */
function standardOutput(): DestinationStream {
  if (!process.stdout.isTTY) return process.stdout;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for a terminal (see above)
  const pinoPretty = require('pino-pretty') as typeof PinoPretty;
  return pinoPretty({
    sync: true,
    colorize: true,
    translateTime: 'SYS:HH:MM:ss.l',
    // One line per message: Nest's context leads it instead of taking a line of its own.
    messageFormat: '{if context}[{context}] {end}{msg}',
    ignore: 'pid,hostname,context',
  });
}

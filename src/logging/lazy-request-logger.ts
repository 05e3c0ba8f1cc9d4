import type { FastifyBaseLogger } from 'fastify';
import type { FastifyChildLoggerFactory } from 'fastify/types/logger';
import type { Bindings, ChildLoggerOptions, Level, Logger } from 'pino';

/**
 * `request.log`: the process logger's child bound to the request id, as Fastify's default makes it, but
 * created only when a line is actually written. pino's `child()` runs the redaction of redaction.ts over
 * its bindings (the wildcard paths apply to any object), which costs about 4% of the CPU of a plain
 * request; at `warn` a 2xx writes nothing, and at `info` the one line per request still gets its child.
 */
export class LazyRequestLogger implements FastifyBaseLogger {
  private made?: Logger;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  get level(): string {
    return (this.made ?? this.parent).level;
  }

  set level(level: string) {
    this.real().level = level;
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.real().child(bindings, options);
  }

  private real(): Logger {
    this.made ??= this.parent.child(this.bindings, this.options);
    return this.made;
  }

  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }

  error(...args: unknown[]): void {
    this.write('error', args);
  }

  warn(...args: unknown[]): void {
    this.write('warn', args);
  }

  info(...args: unknown[]): void {
    this.write('info', args);
  }

  debug(...args: unknown[]): void {
    this.write('debug', args);
  }

  trace(...args: unknown[]): void {
    this.write('trace', args);
  }

  silent(): void {}

  /** The level is checked on the parent until the child exists: nothing is made for a line not written. */
  private write(level: Level, args: unknown[]): void {
    if (!(this.made ?? this.parent).isLevelEnabled(level)) return;
    const logger = this.real();
    Reflect.apply(logger[level], logger, args);
  }
}

/**
 * Fastify's `childLoggerFactory` for `logger`, the app's one pino logger (Fastify's `loggerInstance`; no route
 * has a logger of its own, so it is always the parent Fastify passes).
 */
export function lazyChildLoggers(logger: Logger): FastifyChildLoggerFactory {
  return (_parent, bindings, options) => new LazyRequestLogger(logger, bindings, options);
}

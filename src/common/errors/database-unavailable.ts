const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
]);

/** True when an error means "the database (or Redis) cannot answer now" rather than "this request is wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const { code, message, driverError } = current as { code?: unknown; message?: unknown; driverError?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    // ioredis (shared counters): a command that gave up during an outage, or one sent on a closed connection.
    if ((current as { name?: unknown }).name === 'MaxRetriesPerRequestError') return true;
    if (
      typeof message === 'string' &&
      /connect ETIMEDOUT|Connection lost|closed state|Pool is closed|Connection is closed/i.test(message)
    ) {
      return true;
    }
    current = driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

import type { ServerOptions } from 'node:http';
import type { HttpTimeouts } from '../config/app-config';

/** How often Node looks for connections past their headers or receive timeout. */
const CONNECTION_CHECK_INTERVAL_MS = 1_000;

/**
 * The socket timeouts of a listener (the public port and the management port alike). Node's defaults
 * held a half-sent request for about a minute (its checker runs every 30 s), so one address could keep
 * thousands of sockets open; an OAuth request is a few hundred bytes and needs seconds. The
 * per-address connection cap belongs to the proxy in front (deploy/haproxy.cfg).
 */
export function serverTimeouts(timeouts: HttpTimeouts): {
  requestTimeout: number;
  keepAliveTimeout: number;
  connectionTimeout: number;
  http: ServerOptions;
} {
  return {
    // Headers and body, from the first byte: past it Node answers 408 and closes the connection.
    requestTimeout: timeouts.receiveTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    // A socket silent this long (neither side sending) is dropped, whatever stage it is in; it leaves the
    // handler its REQUEST_TIMEOUT_MS deadline (security/handler-deadline.ts) and then some.
    connectionTimeout: 60_000,
    http: {
      headersTimeout: timeouts.headersTimeoutMs,
      connectionsCheckingInterval: CONNECTION_CHECK_INTERVAL_MS,
    },
  };
}

import { HttpException, HttpStatus } from '@nestjs/common';
import { BearerTokenError } from '../errors/bearer-token.error';
import { isDatabaseUnavailable } from '../errors/database-unavailable';
import { DomainError, domainErrorStatus } from '../errors/domain.error';
import { OAuthError, OAuthErrorCode, oauthErrorStatus } from '../errors/oauth.error';
import { isOAuthEndpoint, NO_STORE_HEADERS } from '../http/no-store';

export interface RenderedError {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  /** Unexpected: worth an error log line. */
  unexpected: boolean;
}

export interface ErrorContext {
  /** The matched route's template, or the path when no route matched (routeOrPathOf). */
  route: string;
  realm: string;
}

/**
 * Turns anything thrown into the contract's two error shapes: `{error, error_description}` on the
 * OAuth endpoints, `{statusCode, error, message}` elsewhere. Never a stack trace or SQL text.
 */
export function renderError(exception: unknown, context: ErrorContext): RenderedError {
  const oauth = isOAuthEndpoint(context.route);
  if (exception instanceof OAuthError) return renderOAuth(exception);
  if (exception instanceof BearerTokenError) {
    return standard(exception.status, exception.description, {
      'www-authenticate': exception.challenge(context.realm),
    });
  }
  if (exception instanceof DomainError) {
    const status = domainErrorStatus(exception.kind);
    if (oauth && exception.kind === 'unavailable')
      return renderOAuth(new OAuthError('temporarily_unavailable', exception.message));
    return standard(status, exception.message);
  }
  const status = httpStatusOf(exception);
  if (status !== undefined && status < 500) {
    const message = clientMessageOf(exception, status);
    const headers = retryAfterOf(exception);
    if (!oauth) return standard(status, message, headers);
    const rendered = renderOAuth(new OAuthError(oauthCodeForStatus(status), flatten(message)));
    // The contract: a content type Fastify cannot even parse ("", ";", "a, b") is 400 on /oauth/*, not 415.
    const oauthStatus = status === 415 ? 400 : status;
    return { ...rendered, status: oauthStatus, headers: { ...rendered.headers, ...headers } };
  }
  if (exception instanceof HttpException && status !== undefined) {
    // A deliberate 5xx from our own code (e.g. the health check's 503) keeps its status and body.
    const response = exception.getResponse();
    const body = typeof response === 'object' ? (response as Record<string, unknown>) : standard(status, response).body;
    return { status, headers: oauth ? { ...NO_STORE_HEADERS } : {}, body, unexpected: status === 500 };
  }
  if (isDatabaseUnavailable(exception)) {
    const description = 'The service is temporarily unavailable; try again shortly';
    if (oauth) return { ...renderOAuth(new OAuthError('temporarily_unavailable', description)), unexpected: true };
    return { ...standard(HttpStatus.SERVICE_UNAVAILABLE, description), unexpected: true };
  }
  if (oauth)
    return {
      ...renderOAuth(new OAuthError('server_error', 'The server met an unexpected condition')),
      unexpected: true,
    };
  return { ...standard(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error'), unexpected: true };
}

function renderOAuth(error: OAuthError): RenderedError {
  const headers: Record<string, string> = { ...NO_STORE_HEADERS };
  if (error.code === 'invalid_client' && error.options.basicAuthUsed) {
    headers['www-authenticate'] = 'Basic realm="oauth", charset="UTF-8"';
  }
  return {
    status: oauthErrorStatus(error.code),
    headers,
    body: { error: error.code, error_description: error.description },
    unexpected: error.code === 'server_error',
  };
}

function standard(status: number, message: string | string[], headers: Record<string, string> = {}): RenderedError {
  return { status, headers, body: { statusCode: status, error: reasonPhrase(status), message }, unexpected: false };
}

/** Nest's HttpException, or Fastify's own errors (bad JSON, 413, 415), which carry `statusCode`. */
function httpStatusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 600 ? statusCode : undefined;
}

function clientMessageOf(exception: unknown, status: number): string | string[] {
  if (exception instanceof HttpException) {
    // Nest wraps Fastify's errors (and its plugins', e.g. the CSRF check) in an HttpException.
    const fromFastify = knownFastifyMessage(exception.cause);
    if (fromFastify) return fromFastify;
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (typeof message === 'string' || Array.isArray(message)) return message as string | string[];
    return exception.message;
  }
  return fastifyMessage(exception as { code?: string; message?: string }, status);
}

// Fastify's messages can echo internals (parser names); say what the client must fix instead.
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported content type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Body cannot be empty when content-type is application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
  FST_ERR_BAD_URL: 'The URL is not validly percent-encoded',
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is too long',
  FST_CSRF_MISSING_SECRET: 'The form has expired: go back, reload the page and try again',
  FST_CSRF_INVALID_TOKEN: 'The form has expired: go back, reload the page and try again',
};

function fastifyMessage(error: { code?: string }, status: number): string {
  return knownFastifyMessage(error) ?? (status === 400 ? 'Malformed request body' : reasonPhrase(status));
}

function knownFastifyMessage(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? FASTIFY_MESSAGES[code] : undefined;
}

function retryAfterOf(exception: unknown): Record<string, string> {
  const retryAfter = (exception as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof retryAfter === 'number' ? { 'retry-after': String(Math.max(1, Math.ceil(retryAfter))) } : {};
}

function oauthCodeForStatus(status: number): OAuthErrorCode {
  if (status === 401) return 'invalid_client';
  if (status === 429) return 'temporarily_unavailable';
  return 'invalid_request';
}

function flatten(message: string | string[]): string {
  return Array.isArray(message) ? message.join('; ') : message;
}

function reasonPhrase(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  if (!name) return 'Error';
  return name
    .split('_')
    .map((word) => word.charAt(0) + word.slice(1).toLowerCase())
    .join(' ');
}

import { BearerTokenError } from '../common/errors/bearer-token.error';

/** The parts of a request a bearer token can travel in (a FastifyRequest fits). */
export interface BearerTokenCarrier {
  method: string;
  headers: { authorization?: string; 'content-type'?: string };
  body?: unknown;
  query?: unknown;
}

export type BearerTokenSource = 'header' | 'body' | 'query';

export interface ExtractedBearerToken {
  token: string;
  source: BearerTokenSource;
}

// RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token; the scheme is case-insensitive (RFC 9110 §11.1).
const BEARER_HEADER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const BEARER_SCHEME = /^Bearer(?:\s|$)/i;
const FORM_CONTENT_TYPE = /^application\/x-www-form-urlencoded(?:\s*;|\s*$)/i;

/**
 * Finds the access token of a resource request: in the Authorization header (RFC 6750 §2.1), a form
 * body `access_token` field (§2.2), or, when allowed, the `access_token` query parameter (§2.3).
 * More than one place at once is `invalid_request` (§2). The body and query fields are removed once
 * read, so the route's own validation never sees them. Returns undefined when there is no token.
 */
export function extractBearerToken(
  request: BearerTokenCarrier,
  options: { allowQueryToken: boolean },
): ExtractedBearerToken | undefined {
  const found: ExtractedBearerToken[] = [];

  const header = fromHeader(request.headers.authorization);
  if (header !== undefined) found.push({ token: header, source: 'header' });

  const body = fromForm(request);
  if (body !== undefined) found.push({ token: body, source: 'body' });

  const query = fromQuery(request.query, options.allowQueryToken);
  if (query !== undefined) found.push({ token: query, source: 'query' });

  if (found.length > 1) {
    throw new BearerTokenError('invalid_request', 'The access token must be sent in exactly one place');
  }
  return found[0];
}

function fromHeader(authorization: string | undefined): string | undefined {
  // Another scheme (Basic, say) is no bearer token at all: the challenge then asks for one.
  if (authorization === undefined || !BEARER_SCHEME.test(authorization)) return undefined;
  const match = BEARER_HEADER.exec(authorization);
  if (!match) throw new BearerTokenError('invalid_request', 'The Authorization header is malformed');
  return match[1];
}

function fromForm(request: BearerTokenCarrier): string | undefined {
  // RFC 6750 §2.2: only a single-part form-encoded body of a method whose body has semantics (not GET).
  const contentType = request.headers['content-type'];
  if (request.method === 'GET' || request.method === 'HEAD' || !contentType || !FORM_CONTENT_TYPE.test(contentType)) {
    return undefined;
  }
  return takeField(request.body, 'form body');
}

function fromQuery(query: unknown, allowed: boolean): string | undefined {
  if (!isRecord(query) || !Object.hasOwn(query, 'access_token')) return undefined;
  if (!allowed) {
    throw new BearerTokenError(
      'invalid_request',
      'An access token in the query string is not accepted; send it in the Authorization header',
    );
  }
  return takeField(query, 'query');
}

function takeField(container: unknown, where: string): string | undefined {
  if (!isRecord(container) || !Object.hasOwn(container, 'access_token')) return undefined;
  const value = container.access_token;
  delete container.access_token;
  if (typeof value !== 'string' || value === '') {
    throw new BearerTokenError('invalid_request', `The ${where} must carry exactly one access_token`);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

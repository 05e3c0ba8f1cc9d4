/** RFC 6750 §3.1 error codes; absent when the request carried no token at all. */
export type BearerErrorCode = 'invalid_request' | 'invalid_token' | 'insufficient_scope';

/** A resource request was refused; rendered with the RFC 6750 `WWW-Authenticate: Bearer` challenge. */
export class BearerTokenError extends Error {
  override readonly name = 'BearerTokenError';

  constructor(
    readonly code: BearerErrorCode | undefined,
    readonly description: string,
    /** For insufficient_scope: the scopes the route needs. */
    readonly requiredScopes: readonly string[] = [],
  ) {
    super(description);
  }

  get status(): number {
    switch (this.code) {
      case undefined:
      case 'invalid_token':
        return 401;
      case 'invalid_request':
        return 400;
      case 'insufficient_scope':
        return 403;
    }
  }

  challenge(realm: string): string {
    const params = [`realm="${quotable(realm)}"`];
    if (this.code) params.push(`error="${this.code}"`, `error_description="${quotable(this.description)}"`);
    if (this.code === 'insufficient_scope' && this.requiredScopes.length > 0) {
      params.push(`scope="${quotable(this.requiredScopes.join(' '))}"`);
    }
    return `Bearer ${params.join(', ')}`;
  }
}

// RFC 6750 §3: error_description and scope values are limited to %x20-21 / %x23-5B / %x5D-7E.
function quotable(value: string): string {
  return value.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '');
}

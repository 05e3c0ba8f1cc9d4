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
    const params = [`realm="${realm}"`];
    if (this.code) {
      params.push(`error="${this.code}"`, `error_description="${this.description.replace(/["\\]/g, '')}"`);
    }
    if (this.code === 'insufficient_scope') params.push(`scope="${this.requiredScopes.join(' ')}"`);
    return `Bearer ${params.join(', ')}`;
  }
}

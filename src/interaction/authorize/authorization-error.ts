/**
 * The error codes the authorization endpoint redirects with (RFC 6749 §4.1.2.1, OpenID Connect Core
 * §3.1.2.6). They go back to the client in the redirect, never as a JSON body.
 */
export type AuthorizationErrorCode =
  | 'invalid_request'
  | 'unauthorized_client'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'server_error'
  | 'temporarily_unavailable'
  | 'login_required'
  | 'consent_required'
  | 'request_not_supported'
  | 'request_uri_not_supported';

export class AuthorizationError extends Error {
  override readonly name = 'AuthorizationError';

  constructor(
    readonly code: AuthorizationErrorCode,
    readonly description: string,
  ) {
    super(description);
  }
}

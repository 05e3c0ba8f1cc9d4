/** RFC 6749 §5.2, RFC 7009 §2.2.1 and RFC 8707 §2 error codes, plus the §4.1.2.1 ones we can meet here. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'unsupported_token_type'
  | 'invalid_target'
  | 'temporarily_unavailable'
  | 'server_error';

/** An error of the OAuth endpoints, rendered as `{error, error_description}` by the global filter. */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';

  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    /** RFC 6749 §5.2: a client that authenticated with Basic gets a WWW-Authenticate challenge. */
    readonly options: { basicAuthUsed?: boolean } = {},
  ) {
    super(description);
  }
}

export function oauthErrorStatus(code: OAuthErrorCode): number {
  switch (code) {
    case 'invalid_client':
      return 401;
    case 'temporarily_unavailable':
      return 503;
    case 'server_error':
      return 500;
    case 'invalid_request':
    case 'invalid_grant':
    case 'unauthorized_client':
    case 'unsupported_grant_type':
    case 'invalid_scope':
    case 'unsupported_token_type':
    case 'invalid_target':
      return 400;
  }
}

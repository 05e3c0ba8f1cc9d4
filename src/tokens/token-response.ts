/**
 * Tells what `id_token` holds, beside it (what the seed API sends; clients that do not know the member
 * ignore it, RFC 6749 §5.1).
 */
export const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** RFC 6749 §5.1 successful response, with OpenID Connect Core §3.1.3.3's `id_token`. */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token?: string;
  scope: string;
  id_token?: string;
  id_token_type?: typeof ID_TOKEN_TYPE;
  /** RFC 8693 §2.2.1: what `access_token` holds, in token exchange responses. */
  issued_token_type?: string;
}

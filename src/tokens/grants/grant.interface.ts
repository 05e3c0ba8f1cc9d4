import type { Client } from '../../clients/client.entity';
import type { OAuthParameters } from '../../common/http/oauth-parameters';
import type { TokenResponse } from '../token-response';

/** One token request, after client authentication. */
export interface TokenRequest {
  parameters: OAuthParameters;
  /** The caller's address, for the audit log. */
  ip: string;
}

/**
 * A grant type of the token endpoint (RFC 6749 §4). Adding one: a class implementing this in
 * `grants/x.grant.ts` with a static `grantType`, plus its line in `grants/index.ts`.
 */
export interface Grant {
  /** The `grant_type` value it answers. */
  readonly type: string;
  /** The client is authenticated and allowed this grant type; throws OAuthError on refusal. */
  handle(request: TokenRequest, client: Client): Promise<TokenResponse>;
}

import { Injectable } from '@nestjs/common';
import type { Client } from '../../clients/client.entity';
import { OAuthError } from '../../common/errors/oauth.error';
import { TOKEN_TYPE } from '../../identities/verification/external-credentials.service';
import { DelegatedTokens } from '../exchange/delegated-tokens.service';
import { exchangeTargets } from '../exchange/exchange-targets';
import { FederatedTokens } from '../exchange/federated-tokens.service';
import type { TokenResponse } from '../token-response';
import type { Grant, TokenRequest } from './grant.interface';

/**
 * RFC 8693 token exchange. The subject is either one of our access tokens (no `subject_issuer`):
 * downscoping, another audience, delegation with `act`; or an identity provider's credential:
 * federated sign-in (an ID token or JWT found by its `iss`, or an opaque token of `subject_issuer`).
 */
@Injectable()
export class TokenExchangeGrant implements Grant {
  static readonly grantType: string = 'urn:ietf:params:oauth:grant-type:token-exchange';
  readonly type: string = TokenExchangeGrant.grantType;

  constructor(
    private readonly delegated: DelegatedTokens,
    private readonly federated: FederatedTokens,
  ) {}

  async handle({ parameters, ip }: TokenRequest, client: Client): Promise<TokenResponse> {
    const subjectToken = parameters.required('subject_token');
    const subjectTokenType = parameters.required('subject_token_type');
    const subjectIssuer = parameters.optional('subject_issuer');
    const requestedScope = parameters.optional('scope');
    // RFC 8693 §2.1: requested_token_type is optional; access tokens are what this server issues.
    const requestedTokenType = parameters.optional('requested_token_type') ?? TOKEN_TYPE.accessToken;
    if (requestedTokenType !== TOKEN_TYPE.accessToken) {
      throw new OAuthError('invalid_request', `requested_token_type must be ${TOKEN_TYPE.accessToken}`);
    }
    const audience = exchangeTargets(parameters);
    const actorToken = parameters.optional('actor_token');
    const actorTokenType = parameters.optional('actor_token_type');

    let response: TokenResponse;
    if (subjectTokenType === TOKEN_TYPE.accessToken && subjectIssuer === undefined) {
      response = await this.delegated.issue({
        grant: this.type,
        client,
        subjectToken,
        actorToken,
        actorTokenType,
        requestedScope,
        audience,
        ip,
      });
    } else {
      if (actorToken !== undefined || actorTokenType !== undefined) {
        throw new OAuthError('invalid_request', 'actor_token applies to exchanging an access token of this server');
      }
      response = await this.federated.issue({
        grant: this.type,
        client,
        credential: { token: subjectToken, tokenType: subjectTokenType, issuer: subjectIssuer },
        requestedScope,
        audience,
        ip,
      });
    }
    // RFC 8693 §2.2.1: issued_token_type is REQUIRED in the response.
    return { ...response, issued_token_type: TOKEN_TYPE.accessToken };
  }
}

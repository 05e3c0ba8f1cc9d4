import { Injectable } from '@nestjs/common';
import type { Client } from '../../clients/client.entity';
import { TOKEN_TYPE } from '../../identities/verification/external-credentials.service';
import { FederatedTokens } from '../exchange/federated-tokens.service';
import type { TokenResponse } from '../token-response';
import type { Grant, TokenRequest } from './grant.interface';

/**
 * RFC 7523 §2.1: a JWT of a configured identity provider as the authorization grant. It is checked
 * like an exchanged ID token (§3: iss, sub, aud, exp, nbf, iat, signature, single use).
 */
@Injectable()
export class JwtBearerGrant implements Grant {
  static readonly grantType = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
  readonly type = JwtBearerGrant.grantType;

  constructor(private readonly federated: FederatedTokens) {}

  handle({ parameters, ip }: TokenRequest, client: Client): Promise<TokenResponse> {
    return this.federated.issue({
      grant: this.type,
      client,
      credential: { token: parameters.required('assertion'), tokenType: TOKEN_TYPE.jwt },
      requestedScope: parameters.optional('scope'),
      audience: [],
      ip,
    });
  }
}

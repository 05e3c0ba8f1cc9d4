import { Injectable } from '@nestjs/common';
import type { Client } from '../../clients/client.entity';
import { OAuthError } from '../../common/errors/oauth.error';
import { ScopesService } from '../../scopes/scopes.service';
import { TokenIssuer } from '../token-issuer.service';
import type { TokenResponse } from '../token-response';
import type { Grant, TokenRequest } from './grant.interface';

/** RFC 6749 §4.4: a confidential client acting for itself; no refresh token (§4.4.3). */
@Injectable()
export class ClientCredentialsGrant implements Grant {
  static readonly grantType = 'client_credentials';
  readonly type = ClientCredentialsGrant.grantType;

  constructor(
    private readonly scopes: ScopesService,
    private readonly issuer: TokenIssuer,
  ) {}

  async handle({ parameters, ip }: TokenRequest, client: Client): Promise<TokenResponse> {
    // RFC 6749 §4.4: "MUST only be used by confidential clients".
    if (!client.confidential) {
      throw new OAuthError('unauthorized_client', 'client_credentials is only for confidential clients');
    }
    const requested = this.scopes.parseScopeParameter(parameters.optional('scope'));
    const scopes = await this.scopes.decideForToken(requested, client, null);
    return this.issuer.issue({ grant: this.type, client, scopes, ip });
  }
}

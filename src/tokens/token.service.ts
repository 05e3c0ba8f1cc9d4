import { Injectable } from '@nestjs/common';
import type { Client } from '../clients/client.entity';
import { OAuthError } from '../common/errors/oauth.error';
import { GrantRegistry } from './grants/grant-registry';
import type { OAuthParameters } from '../common/http/oauth-parameters';
import type { TokenResponse } from './token-response';

/** POST /oauth/token (RFC 6749 §3.2): authenticate the client, pick the grant, let it decide. */
@Injectable()
export class TokenService {
  constructor(private readonly grants: GrantRegistry) {}

  async exchange(parameters: OAuthParameters, client: Client, ip: string): Promise<TokenResponse> {
    const grantType = parameters.required('grant_type');
    const grant = this.grants.find(grantType);
    if (!grant)
      throw new OAuthError('unsupported_grant_type', `grant_type "${grantType.slice(0, 40)}" is not supported`);
    if (!client.grantTypes.includes(grant.type)) {
      throw new OAuthError('unauthorized_client', `This client may not use the ${grant.type} grant`);
    }
    return grant.handle({ parameters, ip }, client);
  }
}

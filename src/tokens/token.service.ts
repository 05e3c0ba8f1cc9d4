import { Injectable } from '@nestjs/common';
import type { PresentedClientCredentials } from '../clients/client-basic-credentials';
import { ClientAuthenticationService } from '../clients/client-authentication.service';
import { OAuthError } from '../common/errors/oauth.error';
import { GrantRegistry } from './grants/grant-registry';
import { OAuthParameters } from './oauth-parameters';
import type { TokenResponse } from './token-response';

/** POST /oauth/token (RFC 6749 §3.2): authenticate the client, pick the grant, let it decide. */
@Injectable()
export class TokenService {
  constructor(
    private readonly clientAuthentication: ClientAuthenticationService,
    private readonly grants: GrantRegistry,
  ) {}

  async exchange(body: unknown, basic: PresentedClientCredentials | undefined, ip: string): Promise<TokenResponse> {
    const parameters = OAuthParameters.fromBody(body);
    const grantType = parameters.required('grant_type');
    const { client } = await this.clientAuthentication.authenticate({
      basic,
      bodyClientId: parameters.optional('client_id'),
      bodyClientSecret: parameters.optional('client_secret'),
    });
    const grant = this.grants.find(grantType);
    if (!grant)
      throw new OAuthError('unsupported_grant_type', `grant_type "${grantType.slice(0, 40)}" is not supported`);
    if (!client.grantTypes.includes(grant.type)) {
      throw new OAuthError('unauthorized_client', `This client may not use the ${grant.type} grant`);
    }
    return grant.handle({ parameters, ip }, client);
  }
}

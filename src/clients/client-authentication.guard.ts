import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { OAuthParameters } from '../common/http/oauth-parameters';
import { basicClientCredentials } from './client-basic-credentials';
import { ClientAuthentication, ClientAuthenticationService } from './client-authentication.service';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by ClientAuthenticationGuard: the OAuth endpoint's parameters, read once. */
    oauthParameters?: OAuthParameters;
    /** Set by ClientAuthenticationGuard: the client that authenticated, and how. */
    clientAuthentication?: ClientAuthentication;
  }
}

/**
 * Client authentication for the OAuth endpoints, once per request (RFC 6749 §2.3): Basic credentials,
 * body credentials, or a public client's client_id. Handlers receive the result through
 * @AuthenticatedClient() and the parameters through @OAuthRequestParameters().
 */
@Injectable()
export class ClientAuthenticationGuard implements CanActivate {
  constructor(private readonly clientAuthentication: ClientAuthenticationService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { authorization } = request.headers;
    const basic = authorization === undefined ? undefined : basicClientCredentials(authorization);
    const parameters = OAuthParameters.fromBody(request.body);
    request.clientAuthentication = await this.clientAuthentication.authenticate({
      basic,
      bodyClientId: parameters.optional('client_id'),
      bodyClientSecret: parameters.optional('client_secret'),
    });
    request.oauthParameters = parameters;
    return true;
  }
}

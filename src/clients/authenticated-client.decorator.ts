import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { OAuthParameters } from '../common/http/oauth-parameters';
import type { ClientAuthentication } from './client-authentication.service';

function fromRequest(context: ExecutionContext): FastifyRequest {
  return context.switchToHttp().getRequest<FastifyRequest>();
}

/** The client ClientAuthenticationGuard authenticated (only on routes that use it, e.g. @OAuthEndpoint). */
export const AuthenticatedClient = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ClientAuthentication => {
    const authentication = fromRequest(context).clientAuthentication;
    if (!authentication) throw new Error('@AuthenticatedClient() needs ClientAuthenticationGuard on the route');
    return authentication;
  },
);

/** The OAuth endpoint's parameters, as ClientAuthenticationGuard read them from the body. */
export const OAuthRequestParameters = createParamDecorator(
  (_data: unknown, context: ExecutionContext): OAuthParameters => {
    const parameters = fromRequest(context).oauthParameters;
    if (!parameters) throw new Error('@OAuthRequestParameters() needs ClientAuthenticationGuard on the route');
    return parameters;
  },
);

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { basicClientCredentials, PresentedClientCredentials } from './client-basic-credentials';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by ClientAuthenticationGuard when the request carried an Authorization header. */
    basicClientCredentials?: PresentedClientCredentials;
  }
}

/**
 * Reads Basic client credentials when an Authorization header is present; body credentials
 * (client_secret_post, or a public client's client_id) are checked by ClientAuthenticationService.
 */
@Injectable()
export class ClientAuthenticationGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { authorization } = request.headers;
    if (authorization !== undefined) request.basicClientCredentials = basicClientCredentials(authorization);
    return true;
  }
}

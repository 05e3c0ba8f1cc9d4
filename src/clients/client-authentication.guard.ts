import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, type AuthGuardAuthenticateOptions } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { OAuthError } from '../common/errors/oauth.error';
import { CLIENT_BASIC_STRATEGY, formDecode, PresentedClientCredentials } from './client-basic.strategy';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by ClientAuthenticationGuard when the request carried an Authorization header. */
    basicClientCredentials?: PresentedClientCredentials;
  }
}

/**
 * Runs the passport Basic strategy when an Authorization header is present; body credentials
 * (client_secret_post, or a public client's client_id) are checked by ClientAuthenticationService.
 */
@Injectable()
export class ClientAuthenticationGuard extends AuthGuard(CLIENT_BASIC_STRATEGY) {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { authorization } = request.headers;
    if (authorization === undefined) return true;
    // passport-http refuses an empty password, but a public client sends `client_id:` (Swagger UI does).
    const publicClientId = publicClientIdOf(authorization);
    if (publicClientId !== undefined) {
      request.basicClientCredentials = { clientId: publicClientId, clientSecret: '' };
      return true;
    }
    return (await super.canActivate(context)) as boolean;
  }

  override getAuthenticateOptions(): AuthGuardAuthenticateOptions {
    return { session: false, property: 'basicClientCredentials' };
  }

  override handleRequest<T>(error: unknown, credentials: T | false): T {
    // The strategy's own errors (a malformed encoding) are already OAuthErrors.
    if (error instanceof Error) throw error;
    // RFC 6749 §5.2: a failed Basic attempt is invalid_client with a Basic challenge.
    if (!credentials) {
      throw new OAuthError('invalid_client', 'The Authorization header is not valid Basic client credentials', {
        basicAuthUsed: true,
      });
    }
    return credentials;
  }
}

function publicClientIdOf(authorization: string): string | undefined {
  const [scheme, encoded] = authorization.split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  if (!decoded.endsWith(':') || decoded.indexOf(':') !== decoded.length - 1 || decoded.length < 2) return undefined;
  return formDecode(decoded.slice(0, -1));
}

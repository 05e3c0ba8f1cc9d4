import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerTokenError } from '../common/errors/bearer-token.error';
import { AppConfig } from '../config/app-config';
import { AccessTokenVerifier, TokenCutOffError } from '../access-tokens/access-token-verifier.service';
import type { AccessTokenPrincipal } from '../access-tokens/access-token-principal';
import { extractBearerToken } from './bearer-token-extractor';
import { RouteMetadata } from './route-metadata';

const ADMIN_SCOPE = 'admin';

/**
 * The global guard: every route needs a valid access token unless it is `@Public()`. The verified
 * token becomes `request.principal`. Errors follow RFC 6750 §3.
 */
@Injectable()
export class BearerGuard implements CanActivate {
  constructor(
    private readonly routes: RouteMetadata,
    private readonly verifier: AccessTokenVerifier,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http' || this.routes.of(context).isPublic) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const extracted = extractBearerToken(request, { allowQueryToken: this.config.allowQueryToken });
    if (!extracted) throw new BearerTokenError(undefined, 'An access token is required');
    // RFC 6750 §2.3: a response to a request with the token in its URI must not be cached by others.
    if (extracted.source === 'query') void http.getResponse<FastifyReply>().header('cache-control', 'private');

    const { requiredScopes } = this.routes.of(context);
    try {
      const cached = this.verifier.cached(extracted.token);
      if (cached) return accept(request, cached);
    } catch (error) {
      throw onAdminRoutesAsInsufficientScope(error, requiredScopes);
    }
    return this.verifier.verify(extracted.token).then(
      (principal) => accept(request, principal),
      (error: unknown) => {
        throw onAdminRoutesAsInsufficientScope(error, requiredScopes);
      },
    );
  }
}

/**
 * The admin rule answers 403 to a token minted before its user was demoted or disabled, on every
 * admin route; elsewhere such a token is simply no longer valid (401).
 */
function onAdminRoutesAsInsufficientScope(error: unknown, requiredScopes: readonly string[]): unknown {
  if (!(error instanceof TokenCutOffError) || !requiredScopes.includes(ADMIN_SCOPE)) return error;
  return new BearerTokenError('insufficient_scope', 'The access token no longer speaks for an admin', requiredScopes);
}

function accept(request: FastifyRequest, principal: AccessTokenPrincipal): true {
  request.principal = principal;
  return true;
}

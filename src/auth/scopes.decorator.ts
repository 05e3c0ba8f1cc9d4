import { applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiForbiddenResponse, ApiOAuth2, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../swagger/error-response.dto';
import { OAUTH2_SECURITY_SCHEME } from '../swagger/security-schemes';

/** Metadata read by the scopes guard: every listed scope is required. */
export const RequiredScopes = Reflector.createDecorator<readonly string[]>();

/**
 * Protects a route (or controller) with a bearer token carrying all the given scopes, and documents
 * that in Swagger in the same breath.
 */
export function Scopes(...scopes: string[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    RequiredScopes(scopes),
    ApiOAuth2(scopes, OAUTH2_SECURITY_SCHEME),
    ApiUnauthorizedResponse({
      description:
        'Missing, invalid, expired or revoked access token; the `WWW-Authenticate: Bearer` header says which (RFC 6750 §3.1)',
      type: ErrorResponseDto,
      example: { statusCode: 401, error: 'Unauthorized', message: 'The access token has expired' },
    }),
    ApiForbiddenResponse({
      description: `insufficient_scope: the token lacks a required scope (needs all of: ${scopes.join(' ')})`,
      type: ErrorResponseDto,
      example: { statusCode: 403, error: 'Forbidden', message: `The access token lacks the scope ${scopes.join(' ')}` },
    }),
  );
}

import { applyDecorators, HttpCode, Type, UseGuards } from '@nestjs/common';
import { ApiBasicAuth, ApiBody, ApiConsumes } from '@nestjs/swagger';
import { ClientAuthenticationGuard } from '../clients/client-authentication.guard';
import { NoStore } from '../common/http/no-store';
import { CLIENT_BASIC_SECURITY_SCHEME } from '../swagger/security-schemes';

/**
 * What /oauth/token, /oauth/revoke and /oauth/introspect share: 200 on success, client authentication
 * (RFC 6749 §2.3), no caching, and a form body (RFC 6749 §3.2; JSON is accepted too), documented.
 */
export function OAuthEndpoint(body: Type): MethodDecorator {
  return applyDecorators(
    HttpCode(200),
    UseGuards(ClientAuthenticationGuard),
    NoStore(),
    ApiBasicAuth(CLIENT_BASIC_SECURITY_SCHEME),
    ApiConsumes('application/x-www-form-urlencoded', 'application/json'),
    ApiBody({ type: body }),
  );
}

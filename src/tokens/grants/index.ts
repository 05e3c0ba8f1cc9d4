import type { Type } from '@nestjs/common';
import { AuthorizationCodeGrant } from './authorization-code.grant';
import { BearerGrant } from './bearer.grant';
import { ClientCredentialsGrant } from './client-credentials.grant';
import type { Grant } from './grant.interface';
import { JwtBearerGrant } from './jwt-bearer.grant';
import { PasswordGrant } from './password.grant';
import { RefreshTokenGrant } from './refresh-token.grant';
import { TokenExchangeGrant } from './token-exchange.grant';

/** Every grant the token endpoint serves. A new grant type: its class here, one line. */
export const GRANTS: readonly Type<Grant>[] = [
  PasswordGrant,
  RefreshTokenGrant,
  ClientCredentialsGrant,
  AuthorizationCodeGrant,
  TokenExchangeGrant,
  BearerGrant,
  JwtBearerGrant,
];

import type { Type } from '@nestjs/common';
import { AuthorizationCodeGrant } from './authorization-code.grant';
import { BearerGrant } from './bearer.grant';
import { ClientCredentialsGrant } from './client-credentials.grant';
import type { Grant } from './grant.interface';
import { JwtBearerGrant } from './jwt-bearer.grant';
import { PasswordGrant } from './password.grant';
import { RefreshTokenGrant } from './refresh-token.grant';
import { TokenExchangeGrant } from './token-exchange.grant';

/** A grant class: its static `grantType` is the `grant_type` value it answers. */
export interface GrantClass extends Type<Grant> {
  readonly grantType: string;
}

/**
 * Every grant the token endpoint serves. A new grant type: its class here, one line; client
 * validation, the registration and token request documentation, the server metadata all follow.
 */
export const GRANTS: readonly GrantClass[] = [
  AuthorizationCodeGrant,
  PasswordGrant,
  RefreshTokenGrant,
  ClientCredentialsGrant,
  TokenExchangeGrant,
  BearerGrant,
  JwtBearerGrant,
];

/** The `grant_type` values of GRANTS, in that order: the one list every other place reads. */
export const GRANT_TYPES: readonly string[] = GRANTS.map((grant) => grant.grantType);

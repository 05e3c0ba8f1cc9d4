import { Injectable } from '@nestjs/common';
import type { AccessTokenPrincipal } from '../access-tokens/access-token-principal';
import { BearerTokenError } from '../common/errors/bearer-token.error';
import { UsersService } from '../users/users.service';
import { UserClaims, userClaimsForScopes } from './user-claims';

export type UserinfoClaims = { sub: string } & UserClaims;

/** OpenID Connect Core §5.3: the claims about the user that the access token's scopes release. */
@Injectable()
export class UserinfoService {
  constructor(private readonly users: UsersService) {}

  async claimsFor(token: AccessTokenPrincipal): Promise<UserinfoClaims> {
    // A client_credentials token stands for no user; a deleted or disabled user's token no longer counts.
    const user = token.userId === undefined ? null : await this.users.findById(token.userId);
    if (!user || user.disabled) {
      throw new BearerTokenError('invalid_token', 'The access token does not stand for an active user');
    }
    // Core §5.3.2: sub is always returned, and is the ID token's sub.
    return { sub: user.id, ...userClaimsForScopes(user, token.scopes) };
  }
}

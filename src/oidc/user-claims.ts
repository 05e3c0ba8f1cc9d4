import type { User } from '../users/user.entity';

/** The standard claims of a user that the granted scopes release (OpenID Connect Core §5.4). */
export interface UserClaims {
  name?: string | null;
  updated_at?: number;
  email?: string;
  email_verified?: boolean;
}

/**
 * `profile` releases the profile claims this server holds (`name`, `updated_at`), `email` the address and
 * whether it was verified. `sub` is not here: it is in every ID token and userinfo response.
 */
export function userClaimsForScopes(user: User, scopes: readonly string[]): UserClaims {
  return {
    ...(scopes.includes('profile') ? { name: user.name, updated_at: Math.floor(user.updatedAt.getTime() / 1000) } : {}),
    ...(scopes.includes('email') ? { email: user.email, email_verified: user.emailVerified } : {}),
  };
}

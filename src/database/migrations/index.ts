import { InitialSchema1763860000000 } from './1763860000000-initial-schema';
import { SeedScopes1763861000000 } from './1763861000000-seed-scopes';
import { LoginFailureCounters1763870000000 } from './1763870000000-login-failure-counters';
import { ClientsFirstParty1764100000000 } from './1764100000000-clients-first-party';
import { UsersEmailVerified1764400000000 } from './1764400000000-users-email-verified';
import { UsersEmailCanonical1764800000000 } from './1764800000000-users-email-canonical';
import { OpenidConnectScopes1764820000000 } from './1764820000000-openid-connect-scopes';
import { RefreshTokensAuthentication1764821000000 } from './1764821000000-refresh-tokens-authentication';
import { AccountTokens1764822000000 } from './1764822000000-account-tokens';
import { ClientsRedirectUris1764830000000 } from './1764830000000-clients-redirect-uris';
import { BrowserSignIn1764831000000 } from './1764831000000-browser-sign-in';
import { Organizations1764840000000 } from './1764840000000-organizations';
import { IdentityProviders1764850000000 } from './1764850000000-identity-providers';
import { TokenCutoffs1764880000000 } from './1764880000000-token-cutoffs';
import { AuthorizationCodesOrganization1764891000000 } from './1764891000000-authorization-codes-organization';

/** Every migration, oldest first. A new one is a timestamped file plus one line here. */
export const MIGRATIONS = [
  InitialSchema1763860000000,
  SeedScopes1763861000000,
  LoginFailureCounters1763870000000,
  ClientsFirstParty1764100000000,
  UsersEmailVerified1764400000000,
  UsersEmailCanonical1764800000000,
  OpenidConnectScopes1764820000000,
  RefreshTokensAuthentication1764821000000,
  AccountTokens1764822000000,
  ClientsRedirectUris1764830000000,
  BrowserSignIn1764831000000,
  Organizations1764840000000,
  IdentityProviders1764850000000,
  TokenCutoffs1764880000000,
  AuthorizationCodesOrganization1764891000000,
];

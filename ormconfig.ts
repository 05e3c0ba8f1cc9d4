import { DataSource } from 'typeorm';
import { AuditEvent } from './src/audit/audit-event.entity';
import { LoginFailureCounter } from './src/brute-force/login-failure-counter.entity';
import { Client } from './src/clients/client.entity';
import { Contact } from './src/contacts/contact.entity';
import { ExternalIdentity } from './src/identities/external-identity.entity';
import { IdentityProvider } from './src/identities/identity-provider.entity';
import { SpentExternalCredential } from './src/identities/spent-external-credential.entity';
import { AuthorizationCode } from './src/interaction/codes/authorization-code.entity';
import { Consent } from './src/interaction/consents/consent.entity';
import { Session } from './src/interaction/sessions/session.entity';
import { OrganizationMember } from './src/organizations/organization-member.entity';
import { Organization } from './src/organizations/organization.entity';
import { TokenCutoff } from './src/revocation/token-cutoff.entity';
import { Scope } from './src/scopes/scope.entity';
import { RefreshToken } from './src/refresh-tokens/refresh-token.entity';
import { RevokedAccessToken } from './src/tokens/revoked-access-token.entity';
import { SigningKey } from './src/tokens/signing-key.entity';
import { AccountToken } from './src/users/account/account-token.entity';
import { User } from './src/users/user.entity';
import { loadConfig } from './src/config/load-config';
import { buildDataSourceOptions } from './src/database/data-source-options';

// The TypeORM CLI's data source (npm run typeorm -- migration:show|run|revert), built like the app's.
// The app loads the entities its modules register; the CLI has no modules, so they are listed here.
const ENTITIES = [
  User,
  Scope,
  Client,
  RefreshToken,
  SigningKey,
  RevokedAccessToken,
  AuditEvent,
  Contact,
  LoginFailureCounter,
  IdentityProvider,
  ExternalIdentity,
  SpentExternalCredential,
  Organization,
  OrganizationMember,
  TokenCutoff,
  Session,
  AuthorizationCode,
  Consent,
  AccountToken,
];

export default new DataSource({ ...buildDataSourceOptions(loadConfig(process.env).database), entities: ENTITIES });

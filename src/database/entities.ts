import { AuditEvent } from '../audit/audit-event.entity';
import { LoginFailureCounter } from '../brute-force/login-failure-counter.entity';
import { Client } from '../clients/client.entity';
import { Contact } from '../contacts/contact.entity';
import { ExternalIdentity } from '../identities/external-identity.entity';
import { IdentityProvider } from '../identities/identity-provider.entity';
import { SpentExternalCredential } from '../identities/spent-external-credential.entity';
import { OrganizationMember } from '../organizations/organization-member.entity';
import { Organization } from '../organizations/organization.entity';
import { TokenCutoff } from '../revocation/token-cutoff.entity';
import { Scope } from '../scopes/scope.entity';
import { RefreshToken } from '../tokens/refresh-token.entity';
import { RevokedAccessToken } from '../tokens/revoked-access-token.entity';
import { SigningKey } from '../tokens/signing-key.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [
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
];

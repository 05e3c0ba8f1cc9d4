import { Module } from '@nestjs/common';
import { BruteForceModule } from '../brute-force/brute-force.module';
import { ClientAuthenticationModule } from '../clients/client-authentication.module';
import { ScopesModule } from '../scopes/scopes.module';
import { AccessTokensModule } from '../access-tokens/access-tokens.module';
import { ClientsModule } from '../clients/clients.module';
import { IdentitiesModule } from '../identities/identities.module';
import { IdTokensModule } from '../oidc/id-tokens.module';
import { OrganizationMembershipsModule } from '../organizations/organization-memberships.module';
import { InteractionModule } from '../interaction/interaction.module';
import { UsersModule } from '../users/users.module';
import { AccessTokenService } from './access-token.service';
import { DelegatedTokens } from './exchange/delegated-tokens.service';
import { FederatedTokens } from './exchange/federated-tokens.service';
import { GRANT_HANDLERS, GrantRegistry } from './grants/grant-registry';
import type { Grant } from './grants/grant.interface';
import { GRANTS } from './grants';
import { PasswordGrantApproval } from './grants/password-grant-approval.service';
import { IntrospectionController } from './introspection.controller';
import { IntrospectionService } from './introspection.service';
import { KeysModule } from './keys/keys.module';
import { MetadataService } from './metadata.service';
import { RefreshTokensModule } from '../refresh-tokens/refresh-tokens.module';
import { RefreshTokensService } from './refresh-tokens.service';
import { RevocationController } from './revocation.controller';
import { RevocationService } from './revocation.service';
import { TokenController } from './token.controller';
import { TokenIssuer } from './token-issuer.service';
import { TokenService } from './token.service';
import { WellKnownController } from './well-known.controller';

/** The token endpoint and its grants, revocation, introspection, JWKS and metadata. */
@Module({
  imports: [
    ClientsModule,
    RefreshTokensModule,
    KeysModule,
    AccessTokensModule,
    ClientAuthenticationModule,
    UsersModule,
    ScopesModule,
    BruteForceModule,
    IdTokensModule,
    OrganizationMembershipsModule,
    InteractionModule,
    IdentitiesModule,
  ],
  controllers: [TokenController, RevocationController, IntrospectionController, WellKnownController],
  providers: [
    AccessTokenService,
    RefreshTokensService,
    TokenIssuer,
    TokenService,
    FederatedTokens,
    DelegatedTokens,
    ...GRANTS,
    PasswordGrantApproval,
    { provide: GRANT_HANDLERS, useFactory: (...grants: Grant[]) => grants, inject: [...GRANTS] },
    GrantRegistry,
    RevocationService,
    IntrospectionService,
    MetadataService,
  ],
  exports: [AccessTokenService, MetadataService],
})
export class TokensModule {}

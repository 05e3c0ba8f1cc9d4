import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { ExternalIdentitiesRepository } from './external-identities.repository';
import { ExternalIdentity } from './external-identity.entity';
import { FederatedSignInService } from './federated-sign-in.service';
import { IdentitiesController } from './identities.controller';
import { IdentityLinkingService } from './identity-linking.service';
import { IdentityProvider } from './identity-provider.entity';
import { IdentityProvidersRepository } from './identity-providers.repository';
import { IdentityProvidersService } from './identity-providers.service';
import { SpentExternalCredential } from './spent-external-credential.entity';
import { SpentExternalCredentialsRepository } from './spent-external-credentials.repository';
import { ExternalCredentialsService } from './verification/external-credentials.service';
import { ExternalJwtVerifier } from './verification/external-jwt.verifier';
import { FacebookTokenVerifier } from './verification/facebook-token.verifier';
import { ProviderKeySets } from './verification/provider-key-sets';

/** External identity providers, the identities linked to users, and federated sign-in. */
@Module({
  imports: [TypeOrmModule.forFeature([IdentityProvider, ExternalIdentity, SpentExternalCredential]), UsersModule],
  controllers: [IdentitiesController],
  providers: [
    IdentityProvidersRepository,
    ExternalIdentitiesRepository,
    SpentExternalCredentialsRepository,
    IdentityProvidersService,
    ProviderKeySets,
    ExternalJwtVerifier,
    FacebookTokenVerifier,
    ExternalCredentialsService,
    FederatedSignInService,
    IdentityLinkingService,
  ],
  exports: [IdentityProvidersService, ExternalCredentialsService, FederatedSignInService],
})
export class IdentitiesModule {}

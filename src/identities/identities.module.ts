import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExternalIdentitiesRepository } from './external-identities.repository';
import { ExternalIdentity } from './external-identity.entity';
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
  imports: [TypeOrmModule.forFeature([IdentityProvider, ExternalIdentity, SpentExternalCredential])],
  providers: [
    IdentityProvidersRepository,
    ExternalIdentitiesRepository,
    SpentExternalCredentialsRepository,
    IdentityProvidersService,
    ProviderKeySets,
    ExternalJwtVerifier,
    FacebookTokenVerifier,
    ExternalCredentialsService,
  ],
  exports: [IdentityProvidersService, ExternalCredentialsService],
})
export class IdentitiesModule {}

import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { RefreshTokensModule } from '../refresh-tokens/refresh-tokens.module';
import { ScopesModule } from '../scopes/scopes.module';
import { TokensModule } from '../tokens/tokens.module';
import { ClientRegistrationController } from './client-registration.controller';
import { ClientRegistrationService } from './client-registration.service';
import { TestTokenService } from './test-token.service';

@Module({
  imports: [ClientsModule, RefreshTokensModule, ScopesModule, TokensModule],
  controllers: [ClientRegistrationController],
  providers: [ClientRegistrationService, TestTokenService],
  exports: [ClientRegistrationService],
})
export class ClientRegistrationModule {}

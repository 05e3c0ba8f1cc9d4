import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from '../clients/client.entity';
import { ClientsModule } from '../clients/clients.module';
import { ScopesModule } from '../scopes/scopes.module';
import { TokensModule } from '../tokens/tokens.module';
import { ClientRegistrationController } from './client-registration.controller';
import { ClientRegistrationService } from './client-registration.service';
import { TestTokenService } from './test-token.service';

@Module({
  imports: [TypeOrmModule.forFeature([Client]), ClientsModule, ScopesModule, TokensModule],
  controllers: [ClientRegistrationController],
  providers: [ClientRegistrationService, TestTokenService],
  exports: [ClientRegistrationService],
})
export class ClientRegistrationModule {}

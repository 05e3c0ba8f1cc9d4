import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from '../clients/client.entity';
import { ClientsModule } from '../clients/clients.module';
import { ScopesModule } from '../scopes/scopes.module';
import { ClientRegistrationController } from './client-registration.controller';
import { ClientRegistrationService } from './client-registration.service';

@Module({
  imports: [TypeOrmModule.forFeature([Client]), ClientsModule, ScopesModule],
  controllers: [ClientRegistrationController],
  providers: [ClientRegistrationService],
  exports: [ClientRegistrationService],
})
export class ClientRegistrationModule {}

import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ClientAuthenticationGuard } from './client-authentication.guard';
import { ClientAuthenticationService } from './client-authentication.service';
import { ClientBasicStrategy } from './client-basic.strategy';
import { ClientsModule } from './clients.module';

/** Client authentication for the OAuth endpoints (token, revoke, introspect). */
@Module({
  imports: [PassportModule, ClientsModule],
  providers: [ClientBasicStrategy, ClientAuthenticationGuard, ClientAuthenticationService],
  exports: [ClientAuthenticationGuard, ClientAuthenticationService],
})
export class ClientAuthenticationModule {}

import { Module } from '@nestjs/common';
import { ClientAuthenticationGuard } from './client-authentication.guard';
import { ClientAuthenticationService } from './client-authentication.service';
import { ClientsModule } from './clients.module';

/** Client authentication for the OAuth endpoints (token, revoke, introspect). */
@Module({
  imports: [ClientsModule],
  providers: [ClientAuthenticationGuard, ClientAuthenticationService],
  exports: [ClientAuthenticationGuard, ClientAuthenticationService],
})
export class ClientAuthenticationModule {}

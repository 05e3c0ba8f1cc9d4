import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { BruteForceModule } from '../brute-force/brute-force.module';
import { ClientsModule } from '../clients/clients.module';
import { IdTokensModule } from '../oidc/id-tokens.module';
import { OrganizationMembershipsModule } from '../organizations/organization-memberships.module';
import { RefreshTokensModule } from '../refresh-tokens/refresh-tokens.module';
import { ScopesModule } from '../scopes/scopes.module';
import { UsersModule } from '../users/users.module';
import { AccountPagesController } from './account-pages/account-pages.controller';
import { AuthorizeController } from './authorize/authorize.controller';
import { AuthorizeService } from './authorize/authorize.service';
import { AuthorizationCode } from './codes/authorization-code.entity';
import { AuthorizationCodesRepository } from './codes/authorization-codes.repository';
import { AuthorizationCodesService } from './codes/authorization-codes.service';
import { Consent } from './consents/consent.entity';
import { ConsentsController } from './consents/consents.controller';
import { ConsentsRepository } from './consents/consents.repository';
import { ConsentsService } from './consents/consents.service';
import { LogoutController } from './logout/logout.controller';
import { LogoutService } from './logout/logout.service';
import { SessionsModule } from './sessions/sessions.module';
import { PasswordSignInService } from './sign-in/password-sign-in.service';

/** Browser sign-in: /oauth/authorize, the sign-in and consent pages, logout, sessions, consents and codes. */
@Module({
  imports: [
    TypeOrmModule.forFeature([AuthorizationCode, Consent]),
    SessionsModule,
    AuditModule,
    BruteForceModule,
    ClientsModule,
    IdTokensModule,
    OrganizationMembershipsModule,
    RefreshTokensModule,
    ScopesModule,
    UsersModule,
  ],
  controllers: [AuthorizeController, LogoutController, ConsentsController, AccountPagesController],
  providers: [
    AuthorizeService,
    AuthorizationCodesRepository,
    AuthorizationCodesService,
    ConsentsRepository,
    ConsentsService,
    PasswordSignInService,
    LogoutService,
  ],
  exports: [AuthorizationCodesService],
})
export class InteractionModule {}

import { Module } from '@nestjs/common';
import { BruteForceModule } from '../brute-force/brute-force.module';
import { ClientsModule } from '../clients/clients.module';
import { IdentitiesModule } from '../identities/identities.module';
import { RefreshTokensModule } from '../refresh-tokens/refresh-tokens.module';
import { ScopesModule } from '../scopes/scopes.module';
import { OrganizationMembershipsModule } from '../organizations/organization-memberships.module';
import { KeysModule } from '../tokens/keys/keys.module';
import { UsersModule } from '../users/users.module';
import { AdminAuditController } from './admin-audit.controller';
import { AdminAuditService } from './admin-audit.service';
import { AdminClientsController } from './admin-clients.controller';
import { AdminClientsService } from './admin-clients.service';
import { AdminIdentityProvidersController } from './admin-identity-providers.controller';
import { AdminKeysController } from './admin-keys.controller';
import { AdminLockoutsController } from './admin-lockouts.controller';
import { AdminLockoutsService } from './admin-lockouts.service';
import { AdminOrganizationsController } from './admin-organizations.controller';
import { AdminOrganizationsService } from './admin-organizations.service';
import { AdminScopesController } from './admin-scopes.controller';
import { AdminScopesService } from './admin-scopes.service';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { CurrentAdminGuard } from './current-admin.guard';

/**
 * The admin portal API. Every /admin controller lives here and carries `@AdminRoute()`: the `admin`
 * scope and a user who is still an enabled admin.
 */
@Module({
  imports: [
    UsersModule,
    RefreshTokensModule,
    ClientsModule,
    ScopesModule,
    IdentitiesModule,
    OrganizationMembershipsModule,
    KeysModule,
    BruteForceModule,
  ],
  controllers: [
    AdminUsersController,
    AdminClientsController,
    AdminScopesController,
    AdminAuditController,
    AdminIdentityProvidersController,
    AdminKeysController,
    AdminLockoutsController,
    AdminOrganizationsController,
  ],
  providers: [
    AdminUsersService,
    AdminClientsService,
    AdminScopesService,
    AdminAuditService,
    AdminLockoutsService,
    AdminOrganizationsService,
    CurrentAdminGuard,
  ],
  exports: [AdminUsersService],
})
export class AdminModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { Client } from '../clients/client.entity';
import { ClientsModule } from '../clients/clients.module';
import { IdentitiesModule } from '../identities/identities.module';
import { Scope } from '../scopes/scope.entity';
import { ScopesModule } from '../scopes/scopes.module';
import { User } from '../users/user.entity';
import { UsersModule } from '../users/users.module';
import { AdminAuditController } from './admin-audit.controller';
import { AdminAuditService } from './admin-audit.service';
import { AdminClientsController } from './admin-clients.controller';
import { AdminClientsService } from './admin-clients.service';
import { AdminIdentityProvidersController } from './admin-identity-providers.controller';
import { AdminScopesController } from './admin-scopes.controller';
import { AdminScopesService } from './admin-scopes.service';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { CurrentAdminGuard } from './current-admin.guard';

/** The admin portal API: every route needs the `admin` scope and a user who is still an admin. */
@Module({
  imports: [
    TypeOrmModule.forFeature([User, Client, Scope, AuditEvent]),
    UsersModule,
    ClientsModule,
    ScopesModule,
    IdentitiesModule,
  ],
  controllers: [
    AdminUsersController,
    AdminClientsController,
    AdminScopesController,
    AdminAuditController,
    AdminIdentityProvidersController,
  ],
  providers: [AdminUsersService, AdminClientsService, AdminScopesService, AdminAuditService, CurrentAdminGuard],
  exports: [AdminUsersService],
})
export class AdminModule {}

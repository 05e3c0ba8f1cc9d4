import { Module } from '@nestjs/common';
import { ClientRegistrationModule } from '../client-registration/client-registration.module';
import { UsersModule } from '../users/users.module';
import { CurrentOrganizationController } from './current-organization.controller';
import { OrganizationClientsController } from './organization-clients.controller';
import { OrganizationClientsService } from './organization-clients.service';
import { OrganizationMembershipsModule } from './organization-memberships.module';
import { OrganizationMembersController } from './organization-members.controller';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';

/** The /orgs API: organizations, members and their roles, org apps. */
@Module({
  imports: [OrganizationMembershipsModule, UsersModule, ClientRegistrationModule],
  controllers: [
    OrganizationsController,
    OrganizationMembersController,
    OrganizationClientsController,
    CurrentOrganizationController,
  ],
  providers: [OrganizationsService, OrganizationClientsService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}

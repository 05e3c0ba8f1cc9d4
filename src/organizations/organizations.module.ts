import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClientRegistrationModule } from '../client-registration/client-registration.module';
import { UsersModule } from '../users/users.module';
import { OrganizationClientsController } from './organization-clients.controller';
import { OrganizationClientsService } from './organization-clients.service';
import { OrganizationMember } from './organization-member.entity';
import { OrganizationMembersController } from './organization-members.controller';
import { Organization } from './organization.entity';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

/** Organizations, memberships and roles, org apps, and signing in for an organization. */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, OrganizationMember]), UsersModule, ClientRegistrationModule],
  controllers: [OrganizationsController, OrganizationMembersController, OrganizationClientsController],
  providers: [OrganizationsRepository, OrganizationsService, OrganizationClientsService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}

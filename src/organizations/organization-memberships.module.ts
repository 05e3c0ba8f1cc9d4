import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefreshTokensModule } from '../refresh-tokens/refresh-tokens.module';
import { OrganizationMember } from './organization-member.entity';
import { OrganizationSignInService } from './organization-sign-in.service';
import { Organization } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';

/**
 * Organizations' storage and the sign-in rules, without the HTTP API: the token endpoint and the
 * sign-in page need these, and the API module (which registers apps through the token-minting
 * developer portal) would make a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, OrganizationMember]), RefreshTokensModule],
  providers: [OrganizationsRepository, OrganizationSignInService],
  exports: [OrganizationsRepository, OrganizationSignInService],
})
export class OrganizationMembershipsModule {}

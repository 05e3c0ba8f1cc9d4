import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Page } from '../common/pagination/pagination.dto';
import { OrganizationNotFoundError } from '../organizations/organization-errors';
import type { Organization } from '../organizations/organization.entity';
import { type OrganizationCounts, OrganizationsRepository } from '../organizations/organizations.repository';
import { TokenCutoffs } from '../revocation/token-cutoffs.service';
import type { AdminOrganizationQueryDto } from './dto/admin-organization.dto';

export interface OrganizationWithCounts {
  organization: Organization;
  counts: OrganizationCounts;
}

/** Every organization, whoever its members are: the admin console's view. */
@Injectable()
export class AdminOrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
    private readonly cutoffs: TokenCutoffs,
  ) {}

  async list(query: AdminOrganizationQueryDto): Promise<Page<OrganizationWithCounts>> {
    const { items, total } = await this.organizations.findAll(query, query.q);
    const counts = await this.organizations.counts(items.map((organization) => organization.id));
    return { items: items.map((organization) => ({ organization, counts: counts.get(organization.id)! })), total };
  }

  async get(key: string): Promise<OrganizationWithCounts> {
    const organization = await this.findOrNotFound(key);
    const counts = await this.organizations.counts([organization.id]);
    return { organization, counts: counts.get(organization.id)! };
  }

  /**
   * Deletes it with its memberships and apps. Its refresh tokens are revoked, and the access tokens
   * its members hold for it stop working at once, on every instance (membership cut-offs).
   */
  async delete(adminId: string, key: string, ip?: string): Promise<void> {
    const organization = await this.findOrNotFound(key);
    const memberIds = await this.organizations.memberIds(organization.id);
    await this.organizations.delete(organization.id);
    await Promise.all(memberIds.map((userId) => this.cutoffs.cutOffMembership(userId, organization.id)));
    await this.audit.record({
      type: 'admin.org_deleted',
      actorUserId: adminId,
      ip,
      subject: organization.key,
      details: { organization_id: organization.id, name: organization.name, members: memberIds.length },
    });
  }

  private async findOrNotFound(key: string): Promise<Organization> {
    const organization = await this.organizations.findByKey(key);
    if (!organization) throw new OrganizationNotFoundError();
    return organization;
  }
}

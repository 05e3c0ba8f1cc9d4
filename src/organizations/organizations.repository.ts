import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { Client } from '../clients/client.entity';
import type { Page, PaginationQuery } from '../common/pagination/pagination.dto';
import { RefreshToken } from '../tokens/refresh-token.entity';
import { serializedTransaction } from '../tokens/serialized-transaction';
import { User } from '../users/user.entity';
import { OrganizationMember } from './organization-member.entity';
import type { OrganizationRole } from './organization-role';
import { Organization } from './organization.entity';

/** A membership seen from the organization's side. */
export interface Membership {
  organization: Organization;
  role: OrganizationRole;
}

/** A member as the members list shows them. */
export interface MemberView {
  userId: string;
  email: string;
  name: string | null;
  role: OrganizationRole;
  createdAt: Date;
}

export type MemberChange = { kind: 'none' } | { kind: 'set_role'; role: OrganizationRole } | { kind: 'remove' };

/**
 * The rule for one membership change, given the target's current role (null: not a member) and the
 * number of owners, both read under the organization's lock. Throws to refuse.
 */
export type MemberChangeDecision = (targetRole: OrganizationRole | null, owners: number) => MemberChange;

/** The only code that queries organizations, memberships, and the org columns of clients and refresh tokens. */
@Injectable()
export class OrganizationsRepository {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
  ) {}

  /** The organization and its first owner, together or not at all. Throws the driver's unique violation on a taken key. */
  async createWithOwner(organization: Organization, ownerUserId: string): Promise<void> {
    await serializedTransaction(this.organizations.manager, async (manager) => {
      await manager.insert(Organization, organization);
      await manager.insert(OrganizationMember, memberRow(organization.id, ownerUserId, 'owner'));
    });
  }

  findByKey(key: string): Promise<Organization | null> {
    return this.organizations.findOneBy({ key });
  }

  async findAll(page: PaginationQuery): Promise<Page<Organization>> {
    const [items, total] = await this.organizations.findAndCount({
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }

  /** The user's membership of the organization with this key; null when either is missing. One query either way. */
  async membership(key: string, userId: string): Promise<Membership | null> {
    const row = await this.members
      .createQueryBuilder('member')
      .innerJoinAndMapOne('member.organization', Organization, 'org', 'org.id = member.organization_id')
      .where('org.org_key = :key AND member.user_id = :userId', { key, userId })
      .getOne();
    return row ? toMembership(row) : null;
  }

  /** The user's membership of the organization with this id (an org app's organization). */
  async membershipById(organizationId: string, userId: string): Promise<Membership | null> {
    const row = await this.members
      .createQueryBuilder('member')
      .innerJoinAndMapOne('member.organization', Organization, 'org', 'org.id = member.organization_id')
      .where('member.organization_id = :organizationId AND member.user_id = :userId', { organizationId, userId })
      .getOne();
    return row ? toMembership(row) : null;
  }

  async membershipsOf(userId: string, page: PaginationQuery): Promise<Page<Membership>> {
    const [rows, total] = await this.members
      .createQueryBuilder('member')
      .innerJoinAndMapOne('member.organization', Organization, 'org', 'org.id = member.organization_id')
      .where('member.user_id = :userId', { userId })
      .orderBy('org.created_at', 'DESC')
      .addOrderBy('org.id')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items: rows.map(toMembership), total };
  }

  async rename(organizationId: string, name: string): Promise<void> {
    await this.organizations.update({ id: organizationId }, { name });
  }

  async memberIds(organizationId: string): Promise<string[]> {
    const rows = await this.members.find({ select: { userId: true }, where: { organizationId } });
    return rows.map((row) => row.userId);
  }

  /** Ends every refresh token issued for it, then deletes it; memberships, apps and tokens cascade. */
  async delete(organizationId: string): Promise<void> {
    await this.organizations.manager
      .getRepository(RefreshToken)
      .update({ organizationId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.organizations.delete({ id: organizationId });
  }

  async listMembers(organizationId: string, page: PaginationQuery): Promise<Page<MemberView>> {
    const [rows, total] = await this.members.findAndCount({
      where: { organizationId },
      order: { createdAt: 'ASC', userId: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    const users = rows.length
      ? await this.members.manager.getRepository(User).findBy({ id: In(rows.map((row) => row.userId)) })
      : [];
    const byId = new Map(users.map((user) => [user.id, user]));
    return { items: rows.flatMap((row) => memberView(row, byId.get(row.userId))), total };
  }

  async findMember(organizationId: string, userId: string): Promise<MemberView | null> {
    const row = await this.members.findOneBy({ organizationId, userId });
    if (!row) return null;
    const user = await this.members.manager.getRepository(User).findOneBy({ id: userId });
    return memberView(row, user ?? undefined)[0] ?? null;
  }

  /** Throws the driver's unique violation when the user is already a member. */
  async addMember(organizationId: string, userId: string, role: OrganizationRole): Promise<void> {
    await this.members.insert(memberRow(organizationId, userId, role));
  }

  /**
   * Decides and applies a change to one membership while holding the organization's row (a no-op UPDATE
   * takes InnoDB's row lock; SQLite transactions of one process already run one at a time), so two owners
   * demoting each other at once cannot both succeed: the decision sees a stable count of owners.
   * Removing a member also ends the refresh tokens issued to them for this organization.
   */
  async changeMember(organizationId: string, userId: string, decide: MemberChangeDecision): Promise<MemberChange> {
    return serializedTransaction(this.organizations.manager, async (manager) => {
      await manager.update(Organization, { id: organizationId }, { updatedAt: new Date() });
      const target = await manager.findOneBy(OrganizationMember, { organizationId, userId });
      const owners = await manager.countBy(OrganizationMember, { organizationId, role: 'owner' });
      const change = decide(target?.role ?? null, owners);
      if (change.kind === 'set_role') {
        await manager.update(OrganizationMember, { organizationId, userId }, { role: change.role });
      } else if (change.kind === 'remove') {
        await manager.delete(OrganizationMember, { organizationId, userId });
        await manager.update(RefreshToken, { organizationId, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      }
      return change;
    });
  }

  countClients(organizationId: string): Promise<number> {
    return this.organizations.manager.getRepository(Client).countBy({ organizationId });
  }
}

function memberRow(organizationId: string, userId: string, role: OrganizationRole): OrganizationMember {
  const row = new OrganizationMember();
  row.organizationId = organizationId;
  row.userId = userId;
  row.role = role;
  row.createdAt = new Date(); // millisecond precision on SQLite too (see AuditService)
  return row;
}

function toMembership(row: OrganizationMember & { organization?: Organization }): Membership {
  if (!row.organization) throw new Error('membership loaded without its organization');
  return { organization: row.organization, role: row.role };
}

/** A member and their user; empty when the user row is gone (deleted meanwhile: the membership cascades). */
function memberView(row: OrganizationMember, user: User | undefined): MemberView[] {
  if (!user) return [];
  return [{ userId: row.userId, email: user.email, name: user.name, role: row.role, createdAt: row.createdAt }];
}

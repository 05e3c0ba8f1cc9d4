import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Page, PaginationQueryDto } from '../common/pagination/pagination.dto';
import { RefreshTokensRepository } from '../refresh-tokens/refresh-tokens.repository';
import { serializedTransaction } from '../database/dialect';
import { LIKE_ESCAPE, likePattern } from '../common/validation/like-pattern';
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

/** How many members and apps an organization has (the admin views). */
export interface OrganizationCounts {
  members: number;
  clients: number;
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
    private readonly refreshTokens: RefreshTokensRepository,
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

  findById(id: string): Promise<Organization | null> {
    return this.organizations.findOneBy({ id });
  }

  /**
   * Every organization, newest first; `search` matches a substring of the key or the name, any case
   * (the admin list). The pattern is escaped so `%` and `_` match literally.
   */
  async findAll(page: PaginationQueryDto, search?: string): Promise<Page<Organization>> {
    const builder = this.organizations
      .createQueryBuilder('org')
      .orderBy('org.created_at', 'DESC')
      .addOrderBy('org.id')
      .take(page.limit)
      .skip(page.offset);
    if (search) {
      builder.where(
        `(org.org_key LIKE :pattern ESCAPE '${LIKE_ESCAPE}' OR LOWER(org.name) LIKE :pattern ESCAPE '${LIKE_ESCAPE}')`,
        {
          pattern: `%${likePattern(search.toLowerCase())}%`,
        },
      );
    }
    const [items, total] = await builder.getManyAndCount();
    return { items, total };
  }

  /** Members and apps of each of these organizations, in two grouped queries (0 for one with none). */
  async counts(organizationIds: string[]): Promise<Map<string, OrganizationCounts>> {
    const counts = new Map(organizationIds.map((id) => [id, { members: 0, clients: 0 }]));
    if (organizationIds.length === 0) return counts;
    const grouped = (table: string) =>
      this.organizations.manager
        .createQueryBuilder()
        .select('row.organization_id', 'organizationId')
        .addSelect('COUNT(*)', 'count')
        .from(table, 'row')
        .where('row.organization_id IN (:...ids)', { ids: organizationIds })
        .groupBy('row.organization_id')
        .getRawMany<{ organizationId: string; count: number | string }>();
    const [members, clients] = await Promise.all([grouped('organization_members'), grouped('clients')]);
    for (const row of members) counts.get(row.organizationId)!.members = Number(row.count);
    for (const row of clients) counts.get(row.organizationId)!.clients = Number(row.count);
    return counts;
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

  async membershipsOf(userId: string, page: PaginationQueryDto): Promise<Page<Membership>> {
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
    await this.refreshTokens.revoke({ organizationId });
    await this.organizations.delete({ id: organizationId });
  }

  async listMembers(organizationId: string, page: PaginationQueryDto): Promise<Page<MemberView>> {
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
        await this.refreshTokens.revoke({ organizationId, userId }, manager);
      }
      return change;
    });
  }
}

function memberRow(organizationId: string, userId: string, role: OrganizationRole): OrganizationMember {
  const row = new OrganizationMember();
  row.organizationId = organizationId;
  row.userId = userId;
  row.role = role;
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

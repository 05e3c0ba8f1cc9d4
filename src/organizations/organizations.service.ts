import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError } from '../common/errors/domain.error';
import { isUniqueViolation } from '../common/errors/unique-violation';
import type { Page, PaginationQueryDto } from '../common/pagination/pagination.dto';
import { TokenCutoffs } from '../revocation/token-cutoffs.service';
import { UsersService } from '../users/users.service';
import type {
  AddMemberDto,
  CreateOrganizationDto,
  UpdateMemberDto,
  UpdateOrganizationDto,
} from './dto/organization.dto';
import { LastOwnerError, OrganizationNotFoundError, OrganizationRoleError } from './organization-errors';
import { type OrganizationRole, roleSatisfies } from './organization-role';
import { Organization } from './organization.entity';
import { type MemberView, type Membership, OrganizationsRepository } from './organizations.repository';

/** Who acts, and from where (for the audit log). */
export interface Actor {
  userId: string;
  ip?: string;
}

/**
 * Organizations seen by their members: any member reads, owners and admins manage members and apps,
 * only owners manage owners and delete. A non-member gets 404 for everything.
 */
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly cutoffs: TokenCutoffs,
  ) {}

  /** The caller becomes its owner. A taken key is 409 (decided by the unique index, so races end the same way). */
  async create(actor: Actor, body: CreateOrganizationDto): Promise<Membership> {
    const organization = new Organization();
    organization.key = body.key;
    organization.name = body.name;
    organization.createdAt = organization.updatedAt = new Date();
    try {
      await this.organizations.createWithOwner(organization, actor.userId);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('An organization with this key already exists');
      throw error;
    }
    await this.record(actor, 'org.created', organization, { name: organization.name });
    return { organization, role: 'owner' };
  }

  listMine(userId: string, page: PaginationQueryDto): Promise<Page<Membership>> {
    return this.organizations.membershipsOf(userId, page);
  }

  /** The caller's membership, checked against the role the action needs. */
  async membershipFor(userId: string, key: string, required: OrganizationRole = 'member'): Promise<Membership> {
    const membership = await this.organizations.membership(key, userId);
    if (!membership) throw new OrganizationNotFoundError();
    if (!roleSatisfies(membership.role, required)) throw new OrganizationRoleError(required);
    return membership;
  }

  async update(actor: Actor, key: string, body: UpdateOrganizationDto): Promise<Membership> {
    const membership = await this.membershipFor(actor.userId, key, 'admin');
    if (body.name !== undefined && body.name !== membership.organization.name) {
      await this.organizations.rename(membership.organization.id, body.name);
      await this.record(actor, 'org.updated', membership.organization, { name: body.name });
    }
    return this.membershipFor(actor.userId, key);
  }

  /** Owners only. Every token issued for it ends at once; its memberships and apps go with it. */
  async delete(actor: Actor, key: string): Promise<void> {
    const { organization } = await this.membershipFor(actor.userId, key, 'owner');
    const memberIds = await this.organizations.memberIds(organization.id);
    await this.organizations.delete(organization.id);
    await Promise.all(memberIds.map((userId) => this.cutoffs.cutOffMembership(userId, organization.id)));
    await this.record(actor, 'org.deleted', organization);
  }

  async listMembers(userId: string, key: string, page: PaginationQueryDto): Promise<Page<MemberView>> {
    const { organization } = await this.membershipFor(userId, key);
    return this.organizations.listMembers(organization.id, page);
  }

  /** An existing user joins with a role; only an owner may make another owner. */
  async addMember(actor: Actor, key: string, body: AddMemberDto): Promise<MemberView> {
    const { organization } = await this.membershipFor(actor.userId, key, body.role === 'owner' ? 'owner' : 'admin');
    const user = await this.users.findByEmail(body.email);
    if (!user) throw new NotFoundError('User');
    try {
      await this.organizations.addMember(organization.id, user.id, body.role);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('This user is already a member');
      throw error;
    }
    await this.record(actor, 'org.member_added', organization, { user_id: user.id, role: body.role });
    return this.memberOrNotFound(organization, user.id);
  }

  /** Owners and admins change roles; touching an owner, or making one, is for owners. The last owner stays. */
  async updateMember(actor: Actor, key: string, userId: string, body: UpdateMemberDto): Promise<MemberView> {
    const acting = await this.membershipFor(actor.userId, key, 'admin');
    const { organization } = acting;
    const change = await this.organizations.changeMember(organization.id, userId, (targetRole, owners) => {
      if (targetRole === null) throw new NotFoundError('Member');
      if (targetRole === body.role) return { kind: 'none' };
      if (body.role === 'owner' || targetRole === 'owner') this.requireOwner(acting);
      if (targetRole === 'owner' && owners === 1) throw new LastOwnerError();
      return { kind: 'set_role', role: body.role };
    });
    if (change.kind !== 'none') {
      // Access tokens carrying the old role stop working at once; a refresh gets the new one.
      await this.cutoffs.cutOffMembership(userId, organization.id);
      await this.record(actor, 'org.member_updated', organization, { user_id: userId, role: body.role });
    }
    return this.memberOrNotFound(organization, userId);
  }

  /**
   * Owners and admins remove members (an owner only by an owner); any member may leave. The last owner
   * can do neither. The tokens the user holds for this organization end at once.
   */
  async removeMember(actor: Actor, key: string, userId: string): Promise<void> {
    const leaving = userId === actor.userId;
    const acting = await this.membershipFor(actor.userId, key, leaving ? 'member' : 'admin');
    const { organization } = acting;
    await this.organizations.changeMember(organization.id, userId, (targetRole, owners) => {
      if (targetRole === null) throw new NotFoundError('Member');
      if (targetRole === 'owner' && !leaving) this.requireOwner(acting);
      if (targetRole === 'owner' && owners === 1) throw new LastOwnerError();
      return { kind: 'remove' };
    });
    await this.cutoffs.cutOffMembership(userId, organization.id);
    await this.record(actor, 'org.member_removed', organization, { user_id: userId, left: leaving });
  }

  private requireOwner(acting: Membership): void {
    if (!roleSatisfies(acting.role, 'owner')) throw new OrganizationRoleError('owner');
  }

  private async memberOrNotFound(organization: Organization, userId: string): Promise<MemberView> {
    const member = await this.organizations.findMember(organization.id, userId);
    if (!member) throw new NotFoundError('Member');
    return member;
  }

  private record(
    actor: Actor,
    type:
      'org.created' | 'org.updated' | 'org.deleted' | 'org.member_added' | 'org.member_updated' | 'org.member_removed',
    organization: Organization,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    return this.audit.record({
      type,
      actorUserId: actor.userId,
      subject: organization.key,
      ip: actor.ip,
      details: { organization_id: organization.id, ...details },
    });
  }
}

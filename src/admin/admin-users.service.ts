import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { TokenCutoffs } from '../revocation/token-cutoffs.service';
import { ConflictError, NotFoundError } from '../common/errors/domain.error';
import type { Page } from '../common/pagination/pagination.dto';
import type { User } from '../users/user.entity';
import { UserChanges, UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import type { AdminUserQueryDto, UpdateUserByAdminDto } from './dto/admin-user.dto';

@Injectable()
export class AdminUsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly audit: AuditService,
    private readonly cutoffs: TokenCutoffs,
  ) {}

  list(query: AdminUserQueryDto): Promise<Page<User>> {
    return this.users.list({ limit: query.limit, offset: query.offset, emailContains: query.email });
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User');
    return user;
  }

  /** An admin cannot disable or un-admin themselves (409): there must be someone left to undo it. */
  async update(adminId: string, id: string, body: UpdateUserByAdminDto, ip?: string): Promise<User> {
    const user = await this.get(id);
    if (id === adminId && (body.disabled === true || body.is_admin === false)) {
      throw new ConflictError('An admin cannot disable or remove admin rights from their own account');
    }
    const changes: UserChanges = {};
    if (body.disabled !== undefined) changes.disabled = body.disabled;
    if (body.is_admin !== undefined) changes.isAdmin = body.is_admin;
    if (body.name !== undefined) changes.name = body.name;
    if (Object.keys(changes).length === 0) return user;
    await this.users.update(id, changes);
    if (body.disabled === true) await this.usersService.revokeRefreshTokens(id);
    // A disabled or demoted user's access tokens stop working now, on every instance, not at expiry.
    if ((body.disabled === true && !user.disabled) || (body.is_admin === false && user.isAdmin)) {
      await this.cutoffs.cutOffUser(id);
    }
    await this.audit.record({
      type: 'admin.user_updated',
      actorUserId: adminId,
      ip,
      subject: id,
      details: { ...body },
    });
    return this.get(id);
  }

  /** Deleting a user deletes their clients, refresh tokens and contacts (foreign-key cascade). */
  async delete(adminId: string, id: string, ip?: string): Promise<void> {
    if (id === adminId) throw new ConflictError('An admin cannot delete their own account');
    const user = await this.get(id);
    await this.users.delete(id);
    await this.cutoffs.cutOffUser(id);
    await this.audit.record({
      type: 'admin.user_deleted',
      actorUserId: adminId,
      ip,
      subject: id,
      details: { email: user.email },
    });
  }
}

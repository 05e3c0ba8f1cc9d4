import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ClientsRepository } from '../clients/clients.repository';
import { ConflictError, NotFoundError } from '../common/errors/domain.error';
import { isUniqueViolation } from '../common/errors/unique-violation';
import type { Page, PaginationQueryDto } from '../common/pagination/pagination.dto';
import { Scope } from '../scopes/scope.entity';
import { ScopeChanges, ScopesRepository } from '../scopes/scopes.repository';
import type { CreateScopeDto, UpdateScopeDto } from './dto/admin-scope.dto';

/** Scopes are data: admins create, change and delete them. */
@Injectable()
export class AdminScopesService {
  constructor(
    private readonly scopes: ScopesRepository,
    private readonly clients: ClientsRepository,
    private readonly audit: AuditService,
  ) {}

  list(page: PaginationQueryDto): Promise<Page<Scope>> {
    return this.scopes.list(page);
  }

  async get(name: string): Promise<Scope> {
    const scope = await this.scopes.findByName(name);
    if (!scope) throw new NotFoundError('Scope');
    return scope;
  }

  async create(adminId: string, body: CreateScopeDto, ip?: string): Promise<Scope> {
    const scope = new Scope();
    scope.name = body.name;
    scope.description = body.description ?? '';
    scope.isDefault = body.is_default ?? false;
    scope.adminOnly = body.admin_only ?? false;
    try {
      await this.scopes.insert(scope);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`Scope "${body.name}" already exists`);
      throw error;
    }
    await this.audit.record({
      type: 'admin.scope_created',
      actorUserId: adminId,
      ip,
      subject: scope.name,
      details: { ...body },
    });
    return this.get(scope.name);
  }

  async update(adminId: string, name: string, body: UpdateScopeDto, ip?: string): Promise<Scope> {
    await this.get(name);
    const changes: ScopeChanges = {};
    if (body.description !== undefined) changes.description = body.description;
    if (body.is_default !== undefined) changes.isDefault = body.is_default;
    if (body.admin_only !== undefined) changes.adminOnly = body.admin_only;
    if (Object.keys(changes).length === 0) return this.get(name);
    await this.scopes.update(name, changes);
    await this.audit.record({
      type: 'admin.scope_updated',
      actorUserId: adminId,
      ip,
      subject: name,
      details: { ...body },
    });
    return this.get(name);
  }

  /** A scope still allowed to some client cannot be deleted (409): remove it from those clients first. */
  async delete(adminId: string, name: string, ip?: string): Promise<void> {
    await this.get(name);
    const users = await this.clients.countAllowedScope(name);
    if (users > 0)
      throw new ConflictError(`Scope "${name}" is allowed to ${users} client(s); remove it from them first`);
    await this.scopes.delete(name);
    await this.audit.record({ type: 'admin.scope_deleted', actorUserId: adminId, ip, subject: name });
  }
}

import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { TokenCutoffs } from '../revocation/token-cutoffs.service';
import { checkClientRedirects, checkClientScopes, checkGrantTypes } from '../client-registration/client-rules';
import type { Client } from '../clients/client.entity';
import { ClientChanges, ClientsRepository } from '../clients/clients.repository';
import { NotFoundError } from '../common/errors/domain.error';
import type { Page } from '../common/pagination/pagination.dto';
import { AppConfig } from '../config/app-config';
import { RefreshTokensRepository } from '../refresh-tokens/refresh-tokens.repository';
import { ScopesService } from '../scopes/scopes.service';
import type { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import type { AdminClientQueryDto, UpdateClientByAdminDto } from './dto/admin-client.dto';

export interface ClientWithOwner {
  client: Client;
  owner: Pick<User, 'id' | 'email'> | null;
}

@Injectable()
export class AdminClientsService {
  constructor(
    private readonly clients: ClientsRepository,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly scopes: ScopesService,
    private readonly audit: AuditService,
    private readonly cutoffs: TokenCutoffs,
    private readonly config: AppConfig,
  ) {}

  async list(query: AdminClientQueryDto): Promise<Page<ClientWithOwner>> {
    const { items, total } = await this.clients.list({
      ownerId: query.owner || undefined,
      awaitingApproval: query.awaiting_approval === 'true' || undefined,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: await this.withOwners(items), total };
  }

  async get(clientId: string): Promise<ClientWithOwner> {
    const client = await this.clients.findByClientId(clientId);
    if (!client) throw new NotFoundError('Client');
    const [withOwner] = await this.withOwners([client]);
    return withOwner;
  }

  async update(adminId: string, clientId: string, body: UpdateClientByAdminDto, ip?: string): Promise<ClientWithOwner> {
    const { client } = await this.get(clientId);
    if (body.grant_types) checkGrantTypes(body.grant_types, client.confidential);
    if (body.scopes) checkClientScopes(body.scopes, await this.scopes.findByNames(body.scopes), true);
    const changes: ClientChanges = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.grant_types) changes.grantTypes = body.grant_types;
    if (body.scopes) changes.scopes = body.scopes;
    if (body.redirect_uris) changes.redirectUris = body.redirect_uris;
    if (body.post_logout_redirect_uris) changes.postLogoutRedirectUris = body.post_logout_redirect_uris;
    checkClientRedirects({ ...client, ...changes }, this.config.issuer.startsWith('http:'));
    if (body.disabled !== undefined) changes.disabled = body.disabled;
    if (body.can_introspect !== undefined) changes.canIntrospect = body.can_introspect;
    if (body.first_party !== undefined) changes.firstParty = body.first_party;
    if (body.access_token_ttl !== undefined) changes.accessTokenTtlSeconds = body.access_token_ttl;
    if (body.refresh_token_ttl !== undefined) changes.refreshTokenTtlSeconds = body.refresh_token_ttl;
    if (Object.keys(changes).length === 0) return this.get(clientId);
    await this.clients.update(client.id, changes);
    if (body.disabled === true) {
      await this.refreshTokens.revoke({ clientId: client.id });
      await this.cutoffs.cutOffClient(client.clientId);
    }
    await this.audit.record({
      type: 'admin.client_updated',
      actorUserId: adminId,
      ip,
      subject: client.clientId,
      clientId: client.clientId,
      details: { ...body },
    });
    return this.get(clientId);
  }

  async delete(adminId: string, clientId: string, ip?: string): Promise<void> {
    const { client } = await this.get(clientId);
    await this.refreshTokens.revoke({ clientId: client.id });
    await this.clients.delete(client.id);
    await this.cutoffs.cutOffClient(client.clientId);
    await this.audit.record({
      type: 'admin.client_deleted',
      actorUserId: adminId,
      ip,
      subject: client.clientId,
      clientId: client.clientId,
      details: { owner_id: client.ownerId },
    });
  }

  private async withOwners(clients: Client[]): Promise<ClientWithOwner[]> {
    const ownerIds = [...new Set(clients.map((client) => client.ownerId).filter((id): id is string => id !== null))];
    const owners = await this.users.findEmails(ownerIds);
    const byId = new Map(owners.map((owner) => [owner.id, owner]));
    return clients.map((client) => ({ client, owner: client.ownerId ? (byId.get(client.ownerId) ?? null) : null }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, In, IsNull, Not, Raw, Repository } from 'typeorm';
import { onEntityChange } from '../common/cache/on-entity-change';
import type { Page } from '../common/pagination/pagination.dto';
import { LIKE_ESCAPE, likePattern } from '../common/validation/like-pattern';
import { lockOwnerRow, type OwnerTable, serializedTransaction } from '../database/dialect';
import { User } from '../users/user.entity';
import { Client } from './client.entity';

export type ClientChanges = Partial<
  Pick<
    Client,
    | 'name'
    | 'secretHash'
    | 'grantTypes'
    | 'scopes'
    | 'redirectUris'
    | 'postLogoutRedirectUris'
    | 'disabled'
    | 'canIntrospect'
    | 'firstParty'
    | 'accessTokenTtlSeconds'
    | 'refreshTokenTtlSeconds'
  >
>;

/** Who a list is for: one user's apps, one organization's apps, or (no owner) every client. */
export interface ClientListFilter {
  ownerId?: string;
  organizationId?: string;
  /** Only the apps awaiting password-grant approval (see `awaitsPasswordGrantApproval`). */
  awaitingApproval?: boolean;
  limit: number;
  offset: number;
}

/** The clients table. `id` is the internal key; `clientId` is the public client_id. */
@Injectable()
export class ClientsRepository {
  constructor(@InjectRepository(Client) private readonly clients: Repository<Client>) {}

  /** Calls `changed` after any write to a client or a user through this instance (caches listen). */
  onChange(changed: (changedRow: 'client' | 'user') => void): void {
    onEntityChange(this.clients.manager.connection, [Client, User], (entity) =>
      changed(entity === Client ? 'client' : 'user'),
    );
  }

  findById(id: string): Promise<Client | null> {
    return this.clients.findOneBy({ id });
  }

  /** Clients by their row ids, for lists that reference them. */
  findByIds(ids: readonly string[]): Promise<Client[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.clients.findBy({ id: In([...ids]) });
  }

  /** `ownerId` narrows the lookup to one user's apps: someone else's app is not found. */
  findByClientId(clientId: string, ownerId?: string): Promise<Client | null> {
    return this.clients.findOneBy(ownerId === undefined ? { clientId } : { clientId, ownerId });
  }

  /** Null when the client is unknown, disabled, or its owner is disabled. */
  async findActiveByClientId(clientId: string): Promise<Client | null> {
    const client = await this.clients
      .createQueryBuilder('client')
      .leftJoin(User, 'owner', 'owner.id = client.owner_id')
      .where('client.client_id = :clientId', { clientId })
      .andWhere('client.disabled = :no', { no: false })
      .andWhere('(client.owner_id IS NULL OR owner.disabled = :no)', { no: false })
      .getOne();
    return client ?? null;
  }

  /** Newest first. */
  async list(filter: ClientListFilter): Promise<Page<Client>> {
    const where: FindOptionsWhere<Client> = {};
    if (filter.ownerId !== undefined) where.ownerId = filter.ownerId;
    if (filter.organizationId !== undefined) where.organizationId = filter.organizationId;
    if (filter.awaitingApproval) {
      where.ownerId = filter.ownerId ?? Not(IsNull());
      where.firstParty = false;
      // No other grant type's name contains "password", so a substring match on the list is exact.
      where.grantTypes = Raw((column) => `${column} LIKE :password`, { password: '%password%' });
    }
    const [items, total] = await this.clients.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }

  /** Throws the driver's unique violation for a taken client_id. */
  async insert(client: Client): Promise<void> {
    await this.clients.insert(client);
  }

  /**
   * Inserts unless the app's owner (its organization, else its user) already holds `limit` apps; returns
   * whether it did. Counted and inserted under a lock on the owner's row, so concurrent registrations
   * cannot overshoot the limit.
   */
  insertWithin(limit: number, client: Client): Promise<boolean> {
    const [table, ownerId, where]: [OwnerTable, string, FindOptionsWhere<Client>] = client.organizationId
      ? ['organizations', client.organizationId, { organizationId: client.organizationId }]
      : ['users', client.ownerId ?? '', { ownerId: client.ownerId ?? '' }];
    return serializedTransaction(this.clients.manager, async (manager) => {
      await lockOwnerRow(manager, table, ownerId);
      if ((await manager.countBy(Client, where)) >= limit) return false;
      await manager.insert(Client, client);
      return true;
    });
  }

  /**
   * Writes only the changed columns (a concurrent secret rotation is never overwritten with a stale
   * hash). `ownerId` makes it a no-op on someone else's app. Returns whether a row was updated.
   */
  async update(id: string, changes: ClientChanges, ownerId?: string): Promise<boolean> {
    const result = await this.clients.update(ownerId === undefined ? { id } : { id, ownerId }, changes);
    return (result.affected ?? 0) > 0;
  }

  /** Its refresh tokens go with it (foreign-key cascade). */
  async delete(id: string, ownerId?: string): Promise<void> {
    await this.clients.delete(ownerId === undefined ? { id } : { id, ownerId });
  }

  /** Clients store scopes space-delimited: match the name as a whole word, wildcards escaped. */
  countAllowedScope(name: string): Promise<number> {
    const word = likePattern(name);
    return this.clients
      .createQueryBuilder('client')
      .where(
        `(client.scopes = :exact OR client.scopes LIKE :first ESCAPE '${LIKE_ESCAPE}' ` +
          `OR client.scopes LIKE :last ESCAPE '${LIKE_ESCAPE}' OR client.scopes LIKE :middle ESCAPE '${LIKE_ESCAPE}')`,
        { exact: name, first: `${word} %`, last: `% ${word}`, middle: `% ${word} %` },
      )
      .getCount();
  }

  /** The longest per-client access-token lifetime, null when no client overrides the default. */
  async longestAccessTokenTtlSeconds(): Promise<number | null> {
    const row = await this.clients
      .createQueryBuilder('client')
      .select('MAX(client.access_token_ttl)', 'longest')
      .getRawOne<{ longest: number | string | null }>();
    return row?.longest == null ? null : Number(row.longest);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Client } from '../clients/client.entity';
import { onEntityChange } from '../common/cache/on-entity-change';
import { TtlCache } from '../common/cache/ttl-cache';
import type { User } from '../users/user.entity';
import { decideScopes, parseScopeParameter } from './scope-decision';
import { Scope } from './scope.entity';

/**
 * How long the scope catalogue is served from memory for token decisions. A change through this instance
 * empties it at once; one made on another instance is seen within this bound (SECURITY.md).
 */
export const SCOPE_CACHE_TTL_MS = 5_000;
const CATALOGUE = 'all';

/** The scope catalogue (data, admin-managed) and the rule that decides a token's scopes. */
@Injectable()
export class ScopesService {
  // Every token request decides scopes: the (small, admin-managed) table is read once per few seconds.
  private readonly catalogue = new TtlCache<ReadonlyMap<string, Scope>>(SCOPE_CACHE_TTL_MS, 1);

  constructor(@InjectRepository(Scope) private readonly scopes: Repository<Scope>) {
    onEntityChange(scopes.manager.connection, [Scope], () => this.catalogue.clear());
  }

  parseScopeParameter(raw: string | undefined): string[] | undefined {
    return parseScopeParameter(raw);
  }

  /** Throws OAuthError('invalid_scope') naming the first scope that cannot be granted. */
  async decideForToken(requested: string[] | undefined, client: Client, user: User | null): Promise<string[]> {
    const catalogue = await this.catalogue.getOrLoad(CATALOGUE, async () => {
      const rows = await this.scopes.find();
      return new Map(rows.map((scope) => [scope.name, scope]));
    });
    // Requested scopes outside the client's list are looked up too, so the error says which rule failed.
    const names = new Set([...client.scopes, ...(requested ?? [])]);
    const known = [...names].flatMap((name) => catalogue?.get(name) ?? []);
    return decideScopes({ requested, clientScopes: client.scopes, known, user });
  }

  findAll(): Promise<Scope[]> {
    return this.scopes.find({ order: { name: 'ASC' } });
  }

  findByNames(names: readonly string[]): Promise<Scope[]> {
    return names.length > 0 ? this.scopes.findBy({ name: In([...names]) }) : Promise.resolve([]);
  }

  findDefaults(): Promise<Scope[]> {
    return this.scopes.find({ where: { isDefault: true }, order: { name: 'ASC' } });
  }
}

import { Injectable } from '@nestjs/common';
import type { Client } from '../clients/client.entity';
import { TtlCache } from '../common/cache/ttl-cache';
import type { User } from '../users/user.entity';
import { decideScopes, parseScopeParameter } from './scope-decision';
import type { Scope } from './scope.entity';
import { ScopesRepository } from './scopes.repository';

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

  constructor(private readonly scopes: ScopesRepository) {
    scopes.onChange(() => this.catalogue.clear());
  }

  parseScopeParameter(raw: string | undefined): string[] | undefined {
    return parseScopeParameter(raw);
  }

  /** Throws OAuthError('invalid_scope') naming the first scope that cannot be granted. */
  async decideForToken(
    requested: string[] | undefined,
    client: Client,
    user: Pick<User, 'isAdmin'> | null,
  ): Promise<string[]> {
    const catalogue = await this.catalogue.getOrLoad(CATALOGUE, async () => {
      const rows = await this.scopes.findAll();
      return new Map(rows.map((scope) => [scope.name, scope]));
    });
    // Requested scopes outside the client's list are looked up too, so the error says which rule failed.
    const names = new Set([...client.scopes, ...(requested ?? [])]);
    const known = [...names].flatMap((name) => catalogue?.get(name) ?? []);
    return decideScopes({ requested, clientScopes: client.scopes, known, user });
  }

  findAll(): Promise<Scope[]> {
    return this.scopes.findAll();
  }

  findByNames(names: readonly string[]): Promise<Scope[]> {
    return this.scopes.findByNames(names);
  }

  findDefaults(): Promise<Scope[]> {
    return this.scopes.findDefaults();
  }
}

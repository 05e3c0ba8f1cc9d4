import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { onEntityChange } from '../common/cache/on-entity-change';
import type { Page } from '../common/pagination/pagination.dto';
import { Scope } from './scope.entity';

export type ScopeChanges = Partial<Pick<Scope, 'description' | 'isDefault' | 'adminOnly'>>;

/** The scope catalogue table, keyed by name; lists come in name order. */
@Injectable()
export class ScopesRepository {
  constructor(@InjectRepository(Scope) private readonly scopes: Repository<Scope>) {}

  /** Calls `changed` after any write to a scope through this instance (caches listen). */
  onChange(changed: () => void): void {
    onEntityChange(this.scopes.manager.connection, [Scope], changed);
  }

  findAll(): Promise<Scope[]> {
    return this.scopes.find({ order: { name: 'ASC' } });
  }

  findByName(name: string): Promise<Scope | null> {
    return this.scopes.findOneBy({ name });
  }

  findByNames(names: readonly string[]): Promise<Scope[]> {
    return names.length > 0 ? this.scopes.findBy({ name: In([...names]) }) : Promise.resolve([]);
  }

  findDefaults(): Promise<Scope[]> {
    return this.scopes.find({ where: { isDefault: true }, order: { name: 'ASC' } });
  }

  async list(page: { limit: number; offset: number }): Promise<Page<Scope>> {
    const [items, total] = await this.scopes.findAndCount({
      order: { name: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }

  /** Throws the driver's unique violation for a taken name. */
  async insert(scope: Scope): Promise<void> {
    await this.scopes.insert(scope);
  }

  async update(name: string, changes: ScopeChanges): Promise<void> {
    await this.scopes.update({ name }, changes);
  }

  async delete(name: string): Promise<void> {
    await this.scopes.delete({ name });
  }
}

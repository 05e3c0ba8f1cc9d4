import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Client } from '../clients/client.entity';
import type { User } from '../users/user.entity';
import { decideScopes, parseScopeParameter } from './scope-decision';
import { Scope } from './scope.entity';

/** The scope catalogue (data, admin-managed) and the rule that decides a token's scopes. */
@Injectable()
export class ScopesService {
  constructor(@InjectRepository(Scope) private readonly scopes: Repository<Scope>) {}

  parseScopeParameter(raw: string | undefined): string[] | undefined {
    return parseScopeParameter(raw);
  }

  /** Throws OAuthError('invalid_scope') naming the first scope that cannot be granted. */
  async decideForToken(requested: string[] | undefined, client: Client, user: User | null): Promise<string[]> {
    const known = client.scopes.length > 0 ? await this.scopes.findBy({ name: In(client.scopes) }) : [];
    const unknownRequested = requested?.filter((name) => !client.scopes.includes(name)) ?? [];
    // A requested scope outside the client's list may still exist: look it up so the error says which rule failed.
    const extra = unknownRequested.length > 0 ? await this.scopes.findBy({ name: In(unknownRequested) }) : [];
    return decideScopes({ requested, clientScopes: client.scopes, known: [...known, ...extra], user });
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

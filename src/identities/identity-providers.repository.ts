import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Page } from '../common/pagination/pagination.dto';
import { IdentityProvider } from './identity-provider.entity';

/** The only code that reads or writes `identity_providers`. */
@Injectable()
export class IdentityProvidersRepository {
  constructor(@InjectRepository(IdentityProvider) private readonly providers: Repository<IdentityProvider>) {}

  async list(limit: number, offset: number): Promise<Page<IdentityProvider>> {
    const [items, total] = await this.providers.findAndCount({ order: { alias: 'ASC' }, take: limit, skip: offset });
    return { items, total };
  }

  findByAlias(alias: string): Promise<IdentityProvider | null> {
    return this.providers.findOneBy({ alias });
  }

  findByIssuer(issuer: string): Promise<IdentityProvider | null> {
    return this.providers.findOneBy({ issuer });
  }

  /** Throws the driver's unique violation when the alias or issuer is taken. */
  async insert(provider: IdentityProvider): Promise<void> {
    await this.providers.insert(provider);
  }

  async update(alias: string, changes: Partial<IdentityProvider>): Promise<void> {
    await this.providers.update({ alias }, { ...changes, updatedAt: new Date() });
  }

  /** Linked identities go with it (foreign key ON DELETE CASCADE). */
  async delete(alias: string): Promise<void> {
    await this.providers.delete({ alias });
  }
}

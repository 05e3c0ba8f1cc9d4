import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Page } from '../../common/pagination/pagination.dto';
import { Consent } from './consent.entity';

/** The only code that queries consents. */
@Injectable()
export class ConsentsRepository {
  constructor(@InjectRepository(Consent) private readonly consents: Repository<Consent>) {}

  find(userId: string, clientId: string): Promise<Consent | null> {
    return this.consents.findOneBy({ userId, clientId });
  }

  /** A user's consents, the most recently changed first. */
  async pageOfUser(userId: string, limit: number, offset: number): Promise<Page<Consent>> {
    const [items, total] = await this.consents.findAndCount({
      where: { userId },
      order: { updatedAt: 'DESC', clientId: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  async save(userId: string, clientId: string, scope: readonly string[], now: Date): Promise<void> {
    const existing = await this.find(userId, clientId);
    if (existing) {
      await this.consents.update({ userId, clientId }, { scope: [...scope], updatedAt: now });
      return;
    }
    await this.consents.insert(
      Object.assign(new Consent(), { userId, clientId, scope: [...scope], createdAt: now, updatedAt: now }),
    );
  }

  /** Whether a consent was there to delete. */
  async delete(userId: string, clientId: string): Promise<boolean> {
    const result = await this.consents.delete({ userId, clientId });
    return (result.affected ?? 0) > 0;
  }

  /** The client row ids of every consent the user gave. */
  async clientIdsOfUser(userId: string): Promise<string[]> {
    const rows = await this.consents.find({ where: { userId }, select: { clientId: true } });
    return rows.map((row) => row.clientId);
  }
}

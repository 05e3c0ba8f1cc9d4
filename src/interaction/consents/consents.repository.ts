import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Consent } from './consent.entity';

/** The only code that queries consents. */
@Injectable()
export class ConsentsRepository {
  constructor(@InjectRepository(Consent) private readonly consents: Repository<Consent>) {}

  find(userId: string, clientId: string): Promise<Consent | null> {
    return this.consents.findOneBy({ userId, clientId });
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
}

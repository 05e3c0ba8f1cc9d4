import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { SpentExternalCredential } from './spent-external-credential.entity';

/**
 * Single use of external credentials across every instance: the primary key decides, so of two
 * concurrent exchanges of one token (on any instances) exactly one insert succeeds.
 */
@Injectable()
export class SpentExternalCredentialsRepository {
  constructor(@InjectRepository(SpentExternalCredential) private readonly spent: Repository<SpentExternalCredential>) {}

  /** True for the first use of `credentialKey`; false when it was spent before. */
  async spend(credentialKey: string, expiresAt: Date): Promise<boolean> {
    try {
      await this.spent.insert({ credentialKey, expiresAt });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Drops entries whose credential has expired: it would be refused for its `exp` anyway. */
  async deleteExpired(now: Date): Promise<void> {
    await this.spent.delete({ expiresAt: LessThan(now) });
  }
}

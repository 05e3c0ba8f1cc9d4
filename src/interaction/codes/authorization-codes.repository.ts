import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { AuthorizationCode } from './authorization-code.entity';

/** What a code's first use issued. */
export interface IssuedByCode {
  refreshFamilyId: string | null;
  accessTokenJti: string | null;
  accessTokenExpiresAt: Date | null;
}

/** The only code that queries authorization codes. */
@Injectable()
export class AuthorizationCodesRepository {
  constructor(@InjectRepository(AuthorizationCode) private readonly codes: Repository<AuthorizationCode>) {}

  async insert(code: AuthorizationCode): Promise<void> {
    await this.codes.insert(code);
  }

  findByHash(codeHash: string): Promise<AuthorizationCode | null> {
    return this.codes.findOneBy({ codeHash });
  }

  /**
   * Spends a code. The conditional UPDATE decides: of concurrent uses, on any instance, exactly one
   * sees an affected row.
   */
  async markUsed(id: string, now: Date): Promise<boolean> {
    const result = await this.codes
      .createQueryBuilder()
      .update(AuthorizationCode)
      .set({ usedAt: now })
      .where('id = :id AND used_at IS NULL AND expires_at > :now', { id, now })
      .execute();
    return result.affected === 1;
  }

  async recordIssued(id: string, issued: IssuedByCode): Promise<void> {
    await this.codes.update({ id }, issued);
  }

  /** Codes live a minute; rows older than this are of no use, not even to detect a reuse. */
  async deleteExpiredBefore(before: Date): Promise<void> {
    await this.codes.delete({ expiresAt: LessThan(before) });
  }
}

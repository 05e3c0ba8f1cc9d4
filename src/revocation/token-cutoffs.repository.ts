import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, MoreThan, Repository } from 'typeorm';
import { TokenCutoff } from './token-cutoff.entity';

@Injectable()
export class TokenCutoffsRepository {
  constructor(@InjectRepository(TokenCutoff) private readonly rows: Repository<TokenCutoff>) {}

  async save(subject: string, notBefore: Date): Promise<void> {
    await this.rows.upsert({ subject, notBefore }, ['subject']);
  }

  /** Cut-offs made after `since`: what another instance may have recorded since the last read. */
  changedSince(since: Date): Promise<TokenCutoff[]> {
    return this.rows.find({ where: { notBefore: MoreThan(since) } });
  }

  async deleteOlderThan(before: Date): Promise<void> {
    await this.rows.delete({ notBefore: LessThan(before) });
  }
}

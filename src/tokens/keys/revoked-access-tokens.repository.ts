import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { RevokedAccessToken } from '../revoked-access-token.entity';

/** Revoked access-token `jti`s, kept until the token would have expired anyway. */
@Injectable()
export class RevokedAccessTokensRepository {
  constructor(@InjectRepository(RevokedAccessToken) private readonly rows: Repository<RevokedAccessToken>) {}

  /** Idempotent: revoking a `jti` twice keeps the first row (INSERT ... OR IGNORE / INSERT IGNORE). */
  async add(jti: string, expiresAt: Date): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .insert()
      .into(RevokedAccessToken)
      .values({ jti, expiresAt, revokedAt: new Date() })
      .orIgnore()
      .execute();
  }

  /** Unexpired revocations, only those recorded after `revokedAfter` when given. */
  findLive(now: Date, revokedAfter?: Date): Promise<RevokedAccessToken[]> {
    return this.rows.find({
      where: revokedAfter
        ? { expiresAt: MoreThan(now), revokedAt: MoreThan(revokedAfter) }
        : { expiresAt: MoreThan(now) },
    });
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.rows.delete({ expiresAt: LessThanOrEqual(now) });
  }
}

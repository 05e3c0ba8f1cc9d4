import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { RevokedAccessToken } from '../revoked-access-token.entity';

/** How often the in-memory list is refreshed from the table, so other instances' revocations arrive. */
const REFRESH_INTERVAL_MS = 5_000;

/**
 * RFC 7009 for JWT access tokens: revoked `jti`s, kept until the token would have expired anyway.
 * `isRevoked` answers from memory, so checking a token never touches the database.
 */
@Injectable()
export class RevokedTokensService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RevokedTokensService.name);
  /** jti → expiry in ms since the epoch. */
  private readonly revoked = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;

  constructor(@InjectRepository(RevokedAccessToken) private readonly rows: Repository<RevokedAccessToken>) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refreshQuietly(), REFRESH_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async revoke(jti: string, expiresAt: Date): Promise<void> {
    this.revoked.set(jti, expiresAt.getTime());
    await this.rows
      .createQueryBuilder()
      .insert()
      .into(RevokedAccessToken)
      .values({ jti, expiresAt })
      .orIgnore()
      .execute();
  }

  isRevoked(jti: string): boolean {
    const expiresAt = this.revoked.get(jti);
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  /** Re-reads the live revocations and purges the expired ones. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const now = new Date();
    await this.rows.delete({ expiresAt: LessThanOrEqual(now) });
    const live = await this.rows.find({ where: { expiresAt: MoreThan(now) } });
    // A revocation is never undone: merge what the table adds, drop only what has expired.
    for (const row of live) this.revoked.set(row.jti, row.expiresAt.getTime());
    for (const [jti, expiresAt] of this.revoked) {
      if (expiresAt <= now.getTime()) this.revoked.delete(jti);
    }
  }

  private async refreshQuietly(): Promise<void> {
    try {
      await this.refresh();
    } catch (error) {
      this.logger.warn(`Could not refresh revoked access tokens: ${(error as Error).message}`);
    }
  }
}

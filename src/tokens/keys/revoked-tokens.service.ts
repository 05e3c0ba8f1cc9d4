import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ClusterEvents } from '../../redis/cluster-events';
import { RevokedAccessTokensRepository } from './revoked-access-tokens.repository';

/**
 * How often the revocations made since the last read are fetched: without Redis, how soon another
 * instance's revocation arrives; with Redis, a safety net under pub/sub.
 */
const REFRESH_INTERVAL_MS = 2_000;
/** Each poll re-reads this far before the previous one: other instances' clocks and commit delays. */
const POLL_OVERLAP_MS = 10_000;
/** Expired rows are deleted at most this often. */
const PURGE_INTERVAL_MS = 60_000;

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
  /** When the last read started; undefined until the first full read. */
  private lastRead?: number;
  private lastPurge = 0;

  constructor(
    private readonly rows: RevokedAccessTokensRepository,
    private readonly events: ClusterEvents,
  ) {}

  async onModuleInit(): Promise<void> {
    this.events.on('access-token-revoked', ({ jti, expiresAt }) => this.revoked.set(jti, expiresAt));
    this.events.onResync(() => void this.refreshQuietly());
    await this.refresh();
    this.timer = setInterval(() => void this.refreshQuietly(), REFRESH_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async revoke(jti: string, expiresAt: Date): Promise<void> {
    this.revoked.set(jti, expiresAt.getTime());
    await this.rows.add(jti, expiresAt);
    await this.events.publish({ type: 'access-token-revoked', jti, expiresAt: expiresAt.getTime() });
  }

  isRevoked(jti: string): boolean {
    const expiresAt = this.revoked.get(jti);
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  /** Reads the revocations made since the last read (all live ones the first time) and purges expired ones. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const now = new Date();
    const live = await this.rows.findLive(
      now,
      this.lastRead === undefined ? undefined : new Date(this.lastRead - POLL_OVERLAP_MS),
    );
    this.lastRead = now.getTime();
    // A revocation is never undone: merge what the table adds, drop only what has expired.
    for (const row of live) this.revoked.set(row.jti, row.expiresAt.getTime());
    for (const [jti, expiresAt] of this.revoked) {
      if (expiresAt <= now.getTime()) this.revoked.delete(jti);
    }
    if (now.getTime() - this.lastPurge >= PURGE_INTERVAL_MS) {
      this.lastPurge = now.getTime();
      await this.rows.deleteExpired(now);
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

import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ClusterEvents } from '../redis/cluster-events';
import { cutoffSubject } from './cutoff-subject';
import { TokenCutoffsRepository } from './token-cutoffs.repository';

/** The longest an access token can live (ACCESS_TOKEN_TTL and per-client overrides are capped at a day). */
const LONGEST_ACCESS_TOKEN_MS = 86_400_000;
/** Without Redis, how soon another instance's cut-off arrives; with Redis, a safety net under pub/sub. */
const POLL_INTERVAL_MS = 2_000;
/** Each poll re-reads this far before the previous one: other instances' clocks and commit delays. */
const POLL_OVERLAP_MS = 10_000;

/** What a cut-off decision needs to know of a verified access token. */
export interface CutoffCandidate {
  userId?: string;
  clientId: string;
  organizationId?: string;
  /** When the token was issued, in milliseconds. */
  issuedAtMs: number;
}

/**
 * Refuses the access tokens a user, a membership or a client had before a cut-off (disabled, demoted,
 * password changed, removed from an organization), on every instance, without a database read per
 * request: the list lives in memory, fed by Redis pub/sub within a second and by a poll of what changed.
 */
@Injectable()
export class TokenCutoffs implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TokenCutoffs.name);
  /** subject → not-before, in ms since the epoch. */
  private readonly notBefore = new Map<string, number>();
  private lastRead = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly repository: TokenCutoffsRepository,
    private readonly events: ClusterEvents,
  ) {}

  async onModuleInit(): Promise<void> {
    this.events.on('token-cut-off', ({ subject, notBefore }) => this.remember(subject, notBefore));
    this.events.onResync(() => void this.pollQuietly());
    await this.readSince(Date.now() - LONGEST_ACCESS_TOKEN_MS);
    this.timer = setInterval(() => void this.pollQuietly(), POLL_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  cutOffUser(userId: string): Promise<void> {
    return this.cutOff(cutoffSubject.user(userId));
  }

  cutOffMembership(userId: string, organizationId: string): Promise<void> {
    return this.cutOff(cutoffSubject.membership(userId, organizationId));
  }

  cutOffClient(clientId: string): Promise<void> {
    return this.cutOff(cutoffSubject.client(clientId));
  }

  isCutOff(token: CutoffCandidate): boolean {
    if (this.notBefore.size === 0) return false;
    const { userId, clientId, organizationId, issuedAtMs } = token;
    return (
      this.before(cutoffSubject.client(clientId), issuedAtMs) ||
      (userId !== undefined &&
        (this.before(cutoffSubject.user(userId), issuedAtMs) ||
          (organizationId !== undefined && this.before(cutoffSubject.membership(userId, organizationId), issuedAtMs))))
    );
  }

  private async cutOff(subject: string): Promise<void> {
    const notBefore = Date.now();
    this.remember(subject, notBefore);
    await this.repository.save(subject, new Date(notBefore));
    await this.events.publish({ type: 'token-cut-off', subject, notBefore });
  }

  private before(subject: string, issuedAtMs: number): boolean {
    const notBefore = this.notBefore.get(subject);
    return notBefore !== undefined && issuedAtMs < notBefore;
  }

  private remember(subject: string, notBefore: number): void {
    if (notBefore > (this.notBefore.get(subject) ?? 0)) this.notBefore.set(subject, notBefore);
  }

  private async readSince(since: number): Promise<void> {
    const startedAt = Date.now();
    for (const row of await this.repository.changedSince(new Date(since))) {
      this.remember(row.subject, row.notBefore.getTime());
    }
    this.lastRead = startedAt;
  }

  private async pollQuietly(): Promise<void> {
    try {
      await this.readSince(this.lastRead - POLL_OVERLAP_MS);
      const expired = Date.now() - LONGEST_ACCESS_TOKEN_MS;
      for (const [subject, notBefore] of this.notBefore) if (notBefore < expired) this.notBefore.delete(subject);
      await this.repository.deleteOlderThan(new Date(expired));
    } catch (error) {
      this.logger.warn(`Could not read token cut-offs: ${(error as Error).message}`);
    }
  }
}

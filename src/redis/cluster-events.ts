import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { InjectRedis } from './redis-connection';

/** What one instance tells the others so they need not wait for their next poll of the database. */
export type ClusterEvent =
  | { type: 'access-token-revoked'; jti: string; expiresAt: number }
  | { type: 'signing-keys-changed' }
  | { type: 'clients-changed' }
  | { type: 'token-cut-off'; subject: string; notBefore: number };

type Listener<T extends ClusterEvent['type']> = (event: Extract<ClusterEvent, { type: T }>) => void;

/**
 * Redis pub/sub between instances. The database stays the source of truth: an event only makes a
 * change arrive within a second instead of at the next poll, and after Redis comes back every
 * `onResync` listener re-reads what it may have missed. Without REDIS_URL, publishing does nothing.
 */
@Injectable()
export class ClusterEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ClusterEvents.name);
  private readonly channel: string;
  private readonly listeners = new Map<ClusterEvent['type'], Array<(event: ClusterEvent) => void>>();
  private readonly resyncListeners: Array<() => void> = [];
  private subscriber?: Redis;

  constructor(
    @InjectRedis() private readonly redis: Redis | null,
    config: AppConfig,
  ) {
    // ioredis prefixes keys, not channels.
    this.channel = `${config.redisKeyPrefix}cluster-events`;
  }

  get enabled(): boolean {
    return this.redis !== null;
  }

  onModuleInit(): void {
    if (!this.redis) return;
    const subscriber = this.redis.duplicate({ keyPrefix: undefined, maxRetriesPerRequest: null });
    this.subscriber = subscriber;
    subscriber.on('error', (error: Error) => this.logger.warn(`Redis subscriber unavailable: ${error.message}`));
    subscriber.on('message', (_channel: string, message: string) => this.dispatch(message));
    // ioredis subscribes again by itself after a reconnect; what was published meanwhile is re-read.
    let connectedBefore = false;
    subscriber.on('ready', () => {
      if (connectedBefore) for (const resync of this.resyncListeners) resync();
      connectedBefore = true;
    });
    // Not awaited: with Redis down at start the subscription waits for it, and start-up must not.
    subscriber.subscribe(this.channel).catch((error: Error) => {
      this.logger.warn(`Could not subscribe to cluster events yet: ${error.message}`);
    });
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }

  on<T extends ClusterEvent['type']>(type: T, listener: Listener<T>): void {
    const list = this.listeners.get(type) ?? [];
    list.push(listener as (event: ClusterEvent) => void);
    this.listeners.set(type, list);
  }

  /** Called after Redis was unreachable, when events may have been lost. */
  onResync(listener: () => void): void {
    this.resyncListeners.push(listener);
  }

  /** Best effort: the change is already in the database, which the other instances poll anyway. */
  async publish(event: ClusterEvent): Promise<void> {
    if (!this.redis) return;
    try {
      await this.redis.publish(this.channel, JSON.stringify(event));
    } catch (error) {
      this.logger.warn(`Could not publish ${event.type}: ${(error as Error).message}`);
    }
  }

  private dispatch(message: string): void {
    let event: ClusterEvent;
    try {
      event = JSON.parse(message) as ClusterEvent;
    } catch {
      return;
    }
    for (const listener of this.listeners.get(event.type) ?? []) listener(event);
  }
}

import { Injectable } from '@nestjs/common';
import { TtlCache } from '../common/cache/ttl-cache';
import { Client } from './client.entity';
import { ClientsRepository } from './clients.repository';

/**
 * How long an active client is served from memory. A change made through this instance (a client or a
 * user inserted, updated or deleted) empties the cache at once; one made on another instance is seen
 * within this bound (SECURITY.md).
 */
export const ACTIVE_CLIENT_CACHE_TTL_MS = 5_000;
const ACTIVE_CLIENT_CACHE_SIZE = 1_000;

/** Looks clients up for the token endpoint and the portals; the rules of registration live in client-registration. */
@Injectable()
export class ClientsService {
  // Every token request looks its client up: a few seconds in memory save a joined query each time.
  private readonly active = new TtlCache<Client>(ACTIVE_CLIENT_CACHE_TTL_MS, ACTIVE_CLIENT_CACHE_SIZE);

  constructor(private readonly clients: ClientsRepository) {
    // A user change matters too: a disabled owner disables its clients.
    clients.onChange(() => this.active.clear());
  }

  /** Null when the client is unknown, disabled, or its owner is disabled. Do not mutate the result: it is shared. */
  findActiveByClientId(clientId: string): Promise<Client | null> {
    return this.active.getOrLoad(clientId, () => this.clients.findActiveByClientId(clientId));
  }

  findByClientId(clientId: string): Promise<Client | null> {
    return this.clients.findByClientId(clientId);
  }

  /** Clients by their row ids (clients.id), for lists that reference them. */
  findByIds(internalClientIds: readonly string[]): Promise<Client[]> {
    return this.clients.findByIds(internalClientIds);
  }
}

import { Injectable } from '@nestjs/common';
import { TtlCache } from '../common/cache/ttl-cache';
import { ClusterEvents } from '../redis/cluster-events';
import { Client } from './client.entity';
import { ClientsRepository } from './clients.repository';

/**
 * How long an active client is served from memory. A change made through this instance (a client or a
 * user inserted, updated or deleted) empties the cache at once; another instance's change empties it
 * when its event arrives through Redis, and without Redis (or with the event lost) is seen within this
 * bound (SECURITY.md). One read per client per second costs nothing next to the token requests it spares.
 */
export const ACTIVE_CLIENT_CACHE_TTL_MS = 1_000;
const ACTIVE_CLIENT_CACHE_SIZE = 1_000;

/** Looks clients up for the token endpoint and the portals; the rules of registration live in client-registration. */
@Injectable()
export class ClientsService {
  // Every token request looks its client up: a few seconds in memory save a joined query each time.
  private readonly active = new TtlCache<Client>(ACTIVE_CLIENT_CACHE_TTL_MS, ACTIVE_CLIENT_CACHE_SIZE);

  constructor(
    private readonly clients: ClientsRepository,
    events: ClusterEvents,
  ) {
    // A user change matters too: a disabled owner disables its clients.
    clients.onChange((changedRow) => {
      this.active.clear();
      // Called again at commit for a change in a transaction, so the others never re-read the old row.
      if (changedRow === 'client') void events.publish({ type: 'clients-changed' });
    });
    // Another instance's change: a client written, or a user (owner) disabled or deleted, which cuts it off.
    events.on('clients-changed', () => this.active.clear());
    events.on('token-cut-off', () => this.active.clear());
    events.onResync(() => this.active.clear());
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

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { TtlCache } from '../common/cache/ttl-cache';
import { onEntityChange } from '../common/cache/on-entity-change';
import { secretMatchesHash } from '../common/crypto/secrets';
import { RefreshToken } from '../tokens/refresh-token.entity';
import { User } from '../users/user.entity';
import { Client } from './client.entity';

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

  constructor(
    @InjectRepository(Client) private readonly clients: Repository<Client>,
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
  ) {
    // A user change matters too: a disabled owner disables its clients.
    onEntityChange(clients.manager.connection, [Client, User], () => this.active.clear());
  }

  /** Null when the client is unknown, disabled, or its owner is disabled. Do not mutate the result: it is shared. */
  findActiveByClientId(clientId: string): Promise<Client | null> {
    return this.active.getOrLoad(clientId, () => this.loadActive(clientId));
  }

  private async loadActive(clientId: string): Promise<Client | null> {
    const client = await this.clients
      .createQueryBuilder('client')
      .leftJoin(User, 'owner', 'owner.id = client.owner_id')
      .where('client.client_id = :clientId', { clientId })
      .andWhere('client.disabled = :no', { no: false })
      .andWhere('(client.owner_id IS NULL OR owner.disabled = :no)', { no: false })
      .getOne();
    return client ?? null;
  }

  findByClientId(clientId: string): Promise<Client | null> {
    return this.clients.findOneBy({ clientId });
  }

  /** Clients by their row ids (clients.id), for lists that reference them. */
  findByIds(internalClientIds: readonly string[]): Promise<Client[]> {
    return internalClientIds.length === 0
      ? Promise.resolve([])
      : this.clients.findBy({ id: In([...internalClientIds]) });
  }

  /** Constant time (RFC 9700 §2.5 / OWASP): a public client (no hash) never matches. */
  secretMatches(client: Client, presentedSecret: string): boolean {
    return secretMatchesHash(presentedSecret, client.secretHash);
  }

  /** Ends every live refresh token of a client (clients.id); a plain conditional UPDATE. */
  async revokeRefreshTokens(internalClientId: string): Promise<void> {
    await this.refreshTokens.update({ clientId: internalClientId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Ends every live refresh token a client holds for one user (a revoked consent). */
  async revokeRefreshTokensOfUser(internalClientId: string, userId: string): Promise<void> {
    await this.refreshTokens.update(
      { clientId: internalClientId, userId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }
}

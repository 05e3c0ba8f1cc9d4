import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { secretMatchesHash } from '../common/crypto/secrets';
import { RefreshToken } from '../tokens/refresh-token.entity';
import { User } from '../users/user.entity';
import { Client } from './client.entity';

/** Looks clients up for the token endpoint and the portals; the rules of registration live in client-registration. */
@Injectable()
export class ClientsService {
  constructor(
    @InjectRepository(Client) private readonly clients: Repository<Client>,
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
  ) {}

  /** Null when the client is unknown, disabled, or its owner is disabled. */
  async findActiveByClientId(clientId: string): Promise<Client | null> {
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

  /** Constant time (RFC 9700 §2.5 / OWASP): a public client (no hash) never matches. */
  secretMatches(client: Client, presentedSecret: string): boolean {
    return secretMatchesHash(presentedSecret, client.secretHash);
  }

  /** Ends every live refresh token of a client (clients.id); a plain conditional UPDATE. */
  async revokeRefreshTokens(internalClientId: string): Promise<void> {
    await this.refreshTokens.update({ clientId: internalClientId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { Client } from '../clients/client.entity';
import { generateSecret, sha256Hex } from '../common/crypto/secrets';
import { AppConfig } from '../config/app-config';
import { RefreshToken } from './refresh-token.entity';
import { serializedTransaction } from './serialized-transaction';

/**
 * Opaque refresh tokens: 256-bit random values stored only as SHA-256 hashes, rotated on every use
 * (RFC 9700 §4.14.2) within a family that reuse revokes as a whole.
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    private readonly config: AppConfig,
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
  ) {}

  /** The first token of a new family (a new sign-in). Returns the token itself, shown once. */
  startFamily(client: Client, userId: string, scopes: readonly string[]): Promise<string> {
    return this.insert(this.tokens.manager, client, { familyId: randomUUID(), parentId: null, userId, scopes });
  }

  findByToken(token: string): Promise<RefreshToken | null> {
    return this.tokens.findOneBy({ tokenHash: sha256Hex(token) });
  }

  /**
   * Spends `current` and makes its successor, in one transaction. The conditional UPDATE is the
   * arbiter: of any number of concurrent presentations, on any number of instances, exactly one sees
   * one affected row. The others get undefined (a reuse).
   */
  rotate(current: RefreshToken, client: Client, scopes: readonly string[]): Promise<string | undefined> {
    return serializedTransaction(this.tokens.manager, async (manager) => {
      const now = new Date();
      const spent = await manager
        .createQueryBuilder()
        .update(RefreshToken)
        .set({ usedAt: now })
        .where('id = :id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now', { id: current.id, now })
        .execute();
      if (spent.affected !== 1) return undefined;
      return this.insert(manager, client, {
        familyId: current.familyId,
        parentId: current.id,
        userId: current.userId,
        scopes,
      });
    });
  }

  /** Revokes every live token of a family (RFC 9700 §4.14.2: reuse ends the whole chain). */
  async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async insert(
    manager: EntityManager,
    client: Client,
    link: { familyId: string; parentId: string | null; userId: string; scopes: readonly string[] },
  ): Promise<string> {
    const token = generateSecret();
    const row = new RefreshToken();
    row.tokenHash = sha256Hex(token);
    row.familyId = link.familyId;
    row.parentId = link.parentId;
    row.userId = link.userId;
    row.clientId = client.id;
    row.scope = [...link.scopes];
    row.expiresAt = new Date(Date.now() + (client.refreshTokenTtlSeconds ?? this.config.refreshTokenTtlSeconds) * 1000);
    await manager.insert(RefreshToken, row);
    return token;
  }
}

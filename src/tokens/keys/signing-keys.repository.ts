import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { serializedTransaction, withNamedLock } from '../../database/dialect';
import { SigningKey } from '../signing-key.entity';

const FIRST_KEY_LOCK = 'oauth_server_signing_keys';

/** The signing_keys table: published keys are read by every instance; one is current (not retired). */
@Injectable()
export class SigningKeysRepository {
  constructor(@InjectRepository(SigningKey) private readonly keys: Repository<SigningKey>) {}

  /** Keys not retired, or retired but still published; oldest first. */
  findPublished(now: Date): Promise<SigningKey[]> {
    return this.keys.find({
      where: [{ retiredAt: IsNull() }, { expiresAt: MoreThan(now) }],
      order: { createdAt: 'ASC', kid: 'ASC' },
    });
  }

  /** Retires every live key (published until `publishedUntil`) and adds `fresh`, in one transaction. */
  async rotateTo(fresh: SigningKey, now: Date, publishedUntil: Date): Promise<void> {
    await serializedTransaction(this.keys.manager, async (manager) => {
      await manager
        .createQueryBuilder()
        .update(SigningKey)
        .set({ retiredAt: now, expiresAt: publishedUntil })
        .where('retired_at IS NULL')
        .execute();
      await manager.insert(SigningKey, fresh);
    });
  }

  /**
   * Inserts `row` only if no live key exists yet, in one statement and under a named lock on MySQL:
   * instances starting together on an empty database end with one key.
   */
  async insertIfNoneLive(row: SigningKey): Promise<void> {
    await withNamedLock(this.keys.manager.connection, FIRST_KEY_LOCK, 30, async () => {
      await this.keys.query(
        'INSERT INTO signing_keys (kid, alg, public_key, private_key, private_key_encrypted) ' +
          'SELECT ?, ?, ?, ?, ? FROM (SELECT 1 AS one) AS single_row ' +
          'WHERE NOT EXISTS (SELECT 1 FROM signing_keys WHERE retired_at IS NULL)',
        [row.kid, row.alg, row.publicKey, row.privateKey, row.privateKeyEncrypted],
      );
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { generateSecret, sha256Hex } from '../../common/crypto/secrets';
import { AccountToken, AccountTokenPurpose } from './account-token.entity';

/** The only code that reads and writes account_tokens. */
@Injectable()
export class AccountTokenRepository {
  constructor(@InjectRepository(AccountToken) private readonly tokens: Repository<AccountToken>) {}

  /** Stores the hash of a new 256-bit token and returns the token itself, for the link. */
  async create(userId: string, email: string, purpose: AccountTokenPurpose, lifetimeMs: number): Promise<string> {
    const token = generateSecret();
    const row = new AccountToken();
    row.tokenHash = sha256Hex(token);
    row.userId = userId;
    row.email = email;
    row.purpose = purpose;
    row.expiresAt = new Date(Date.now() + lifetimeMs);
    row.createdAt = new Date();
    await this.tokens.insert(row);
    return token;
  }

  countCreatedSince(userId: string, purpose: AccountTokenPurpose, since: Date): Promise<number> {
    return this.tokens.countBy({ userId, purpose, createdAt: MoreThan(since) });
  }

  /** The unused, unexpired token of the purpose, or null. */
  findLive(token: string, purpose: AccountTokenPurpose): Promise<AccountToken | null> {
    return this.tokens.findOneBy({
      tokenHash: sha256Hex(token),
      purpose,
      usedAt: IsNull(),
      expiresAt: MoreThan(new Date()),
    });
  }

  /**
   * Spends a token once. The conditional UPDATE decides: of concurrent uses, on any instance, exactly one
   * sees one affected row and gets true.
   */
  async spend(row: AccountToken): Promise<boolean> {
    const now = new Date();
    const spent = await this.tokens
      .createQueryBuilder()
      .update(AccountToken)
      .set({ usedAt: now })
      .where('id = :id AND used_at IS NULL AND expires_at > :now', { id: row.id, now })
      .execute();
    return spent.affected === 1;
  }

  /** Ends every outstanding token of the purpose (after a reset, older reset links stop working). */
  async spendAll(userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await this.tokens.update({ userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
  }
}

import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '../../common/columns/timestamp-columns';

export type AccountTokenPurpose = 'password_reset' | 'email_verification';

/** The token of a mailed link. The token itself is never stored, only its hash. */
@Entity('account_tokens')
@Index(['userId', 'purpose', 'createdAt'])
export class AccountToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  /** Hex SHA-256 of the token. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 32 })
  purpose!: AccountTokenPurpose;

  /** The address the link was mailed to: a verification counts only while it is still the user's. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null = null;

  @CreatedAtColumn()
  createdAt!: Date;
}

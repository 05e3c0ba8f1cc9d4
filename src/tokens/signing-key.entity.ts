import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '../common/columns/timestamp-columns';

/** A JWT signing key pair, shared by every instance through the database. */
@Entity('signing_keys')
export class SigningKey {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  kid!: string;

  @Column({ type: 'varchar', length: 16 })
  alg!: string;

  /** SPKI PEM. */
  @Column({ name: 'public_key', type: 'text' })
  publicKey!: string;

  /** PKCS#8 PEM, or its AES-256-GCM encryption when KEY_ENCRYPTION_SECRET is set. */
  @Column({ name: 'private_key', type: 'text' })
  privateKey!: string;

  @Column({ name: 'private_key_encrypted', type: 'boolean', default: false })
  privateKeyEncrypted: boolean = false;

  /** When a newer key replaced it; it stays published until its last token has expired. */
  @Column({ name: 'retired_at', type: 'datetime', precision: 3, nullable: true })
  retiredAt: Date | null = null;

  /** When it leaves the JWKS (retired_at + the longest access-token lifetime). */
  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null = null;

  @CreatedAtColumn()
  createdAt!: Date;
}

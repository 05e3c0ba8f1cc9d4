import { Column, Entity, PrimaryColumn } from 'typeorm';
import { spaceDelimited } from '../../common/columns/space-delimited.transformer';

/** A browser's sign-in (single sign-on). The cookie holds a random value; only its SHA-256 is kept. */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ name: 'id_hash', type: 'varchar', length: 64 })
  idHash!: string;

  /** The session's public identifier: the ID token's `sid` (OpenID Connect Front-Channel Logout §2). */
  @Column({ type: 'varchar', length: 36, unique: true })
  sid!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  /** When the user last entered a credential (OpenID Connect Core §2 `auth_time`). */
  @Column({ name: 'auth_time', type: 'datetime', precision: 3 })
  authTime!: Date;

  @Column({ type: 'varchar', length: 100, transformer: spaceDelimited })
  amr: string[] = [];

  @Column({ name: 'last_active_at', type: 'datetime', precision: 3 })
  lastActiveAt!: Date;

  /** The absolute end, whatever the activity. */
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UserIdColumn } from '../../common/columns/row-id-columns';
import { spaceDelimited } from '../../common/columns/space-delimited.transformer';
import { DateTimeColumn } from '../../common/columns/timestamp-columns';

/** A browser's sign-in (single sign-on). The cookie holds a random value; only its SHA-256 is kept. */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ name: 'id_hash', type: 'varchar', length: 64 })
  idHash!: string;

  /** The session's public identifier: the ID token's `sid` (OpenID Connect Front-Channel Logout §2). */
  @Column({ type: 'varchar', length: 36, unique: true })
  sid!: string;

  @UserIdColumn()
  userId!: string;

  /** When the user last entered a credential (OpenID Connect Core §2 `auth_time`). */
  @DateTimeColumn('auth_time')
  authTime!: Date;

  @Column({ type: 'varchar', length: 100, transformer: spaceDelimited })
  amr: string[] = [];

  @DateTimeColumn('last_active_at')
  lastActiveAt!: Date;

  /** The absolute end, whatever the activity. */
  @DateTimeColumn('expires_at')
  expiresAt!: Date;

  @DateTimeColumn('created_at')
  createdAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ClientIdColumn, UserIdColumn } from '../../common/columns/row-id-columns';
import { spaceDelimited } from '../../common/columns/space-delimited.transformer';
import { DateTimeColumn } from '../../common/columns/timestamp-columns';

/** RFC 6749 §4.1.2: a code, stored as its SHA-256, bound to everything its request said. */
@Entity('authorization_codes')
export class AuthorizationCode {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64, unique: true })
  codeHash!: string;

  /** The client's row id (clients.id). */
  @ClientIdColumn()
  clientId!: string;

  @UserIdColumn()
  userId!: string;

  @Column({ name: 'redirect_uri', type: 'varchar', length: 2000 })
  redirectUri!: string;

  /** RFC 7636 §4.2, S256 only. */
  @Column({ name: 'code_challenge', type: 'varchar', length: 128 })
  codeChallenge!: string;

  @Column({ type: 'varchar', length: 2000, transformer: spaceDelimited })
  scope: string[] = [];

  @Column({ type: 'varchar', length: 500, nullable: true })
  nonce: string | null = null;

  @DateTimeColumn('auth_time')
  authTime!: Date;

  @Column({ type: 'varchar', length: 100, transformer: spaceDelimited })
  amr: string[] = [];

  @Column({ type: 'varchar', length: 36 })
  sid!: string;

  /** The organization the user signed in for (`organization`, `email@org`, an org app); null for none. */
  @Column({ name: 'organization_id', type: 'varchar', length: 36, nullable: true })
  organizationId: string | null = null;

  @DateTimeColumn('expires_at')
  expiresAt!: Date;

  @DateTimeColumn('used_at', { nullable: true })
  usedAt: Date | null = null;

  /** What the first use issued, so that a second use can revoke it (RFC 6749 §4.1.2). */
  @Column({ name: 'refresh_family_id', type: 'varchar', length: 36, nullable: true })
  refreshFamilyId: string | null = null;

  @Column({ name: 'access_token_jti', type: 'varchar', length: 64, nullable: true })
  accessTokenJti: string | null = null;

  @DateTimeColumn('access_token_expires_at', { nullable: true })
  accessTokenExpiresAt: Date | null = null;

  @DateTimeColumn('created_at')
  createdAt!: Date;
}

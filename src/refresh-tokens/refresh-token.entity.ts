import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '../common/columns/timestamp-columns';
import { spaceDelimited } from '../common/columns/space-delimited.transformer';

/** One link in a rotation chain (family). The token itself is never stored, only its hash. */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  /** Hex SHA-256 of the opaque token. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  /** Shared by every rotation of one sign-in; reuse revokes the whole family. */
  @Index()
  @Column({ name: 'family_id', type: 'varchar', length: 36 })
  familyId!: string;

  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId: string | null = null;

  @Index()
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  /** The internal id of the client (clients.id). */
  @Index()
  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId!: string;

  /** The organization the sign-in was for; removing the member or the organization ends the token. */
  @Column({ name: 'organization_id', type: 'varchar', length: 36, nullable: true })
  organizationId: string | null = null;

  @Column({ type: 'varchar', length: 2000, transformer: spaceDelimited })
  scope: string[] = [];

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  /** When the user last entered a credential (OpenID Connect Core §2 `auth_time`); kept across rotations. */
  @Column({ name: 'auth_time', type: 'datetime', precision: 3, nullable: true })
  authTime: Date | null = null;

  /** How the user authenticated (RFC 8176 `amr` values, e.g. `pwd`); kept across rotations. */
  @Column({ type: 'varchar', length: 100, nullable: true, transformer: spaceDelimited })
  amr: string[] = [];

  /** The browser session the family was started in, when there was one (the ID token's `sid`). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sid: string | null = null;

  /** Set once, by the conditional update that rotates it. */
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null = null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null = null;

  @CreatedAtColumn()
  createdAt!: Date;
}

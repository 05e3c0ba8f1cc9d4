import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** RFC 7009 for JWTs: a revoked `jti`, kept until the token would have expired anyway. */
@Entity('revoked_access_tokens')
export class RevokedAccessToken {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  jti!: string;

  @Index()
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  /** When it was revoked: instances poll only what was revoked since their last read. Null for old rows. */
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;
}

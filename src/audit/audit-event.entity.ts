import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '../common/columns/timestamp-columns';

/** An append-only security event. Never holds a secret, password or token. */
@Entity('audit_events')
@Index(['type', 'createdAt'])
export class AuditEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  /** e.g. user.created, user.signin_failed, token.issued, token.refresh_reused, admin.user_disabled. */
  @Column({ type: 'varchar', length: 64 })
  type!: string;

  /** The user who acted, when one did. */
  @Index()
  @Column({ name: 'actor_user_id', type: 'varchar', length: 36, nullable: true })
  actorUserId: string | null = null;

  /** What was acted on: a user id, a client_id, a scope name, an email that failed to sign in. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  subject: string | null = null;

  /** The public client_id involved. */
  @Index()
  @Column({ name: 'client_id', type: 'varchar', length: 64, nullable: true })
  clientId: string | null = null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null = null;

  /** Small JSON object of non-secret details (grant, scopes, reason). */
  @Column({ type: 'simple-json', nullable: true })
  details: Record<string, unknown> | null = null;

  @Index()
  @CreatedAtColumn()
  createdAt!: Date;
}

import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '../common/columns/timestamp-columns';

/** A user's account at an identity provider, keyed by (provider alias, subject): never by email. */
@Entity('external_identities')
export class ExternalIdentity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ name: 'provider_alias', type: 'varchar', length: 40 })
  providerAlias!: string;

  /** The provider's `sub` (or Facebook's app-scoped user id). */
  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  /** The email the provider asserted when the identity was linked; shown to the user, never used to match. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}

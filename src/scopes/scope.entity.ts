import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../common/columns/timestamp-columns';

@Entity('scopes')
export class Scope {
  /** RFC 6749 §3.3 scope-token: %x21 / %x23-5B / %x5D-7E. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string = '';

  /** Granted when a client omits `scope` and is allowed this one. */
  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean = false;

  /** Only admins may hold it, and only admins may give it to a client. */
  @Column({ name: 'admin_only', type: 'boolean', default: false })
  adminOnly: boolean = false;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../common/columns/timestamp-columns';

/** A company or team: its own members, roles and apps. */
@Entity('organizations')
export class Organization {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  /** The public, immutable identifier: `email@key` signs in for it, tokens carry it as `org`. */
  @Column({ name: 'org_key', type: 'varchar', length: 40, unique: true })
  key!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

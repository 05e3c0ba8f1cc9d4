import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '../common/columns/timestamp-columns';
import type { OrganizationRole } from './organization-role';

/** A user's membership of one organization, with exactly one role. */
@Entity('organization_members')
export class OrganizationMember {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: OrganizationRole;

  @CreatedAtColumn()
  createdAt!: Date;
}

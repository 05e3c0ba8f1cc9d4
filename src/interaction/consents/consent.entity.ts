import { Column, Entity, PrimaryColumn } from 'typeorm';
import { spaceDelimited } from '../../common/columns/space-delimited.transformer';

/** The scopes a user granted a client on the consent page, remembered for later authorizations. */
@Entity('consents')
export class Consent {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  /** The client's row id (clients.id). */
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId!: string;

  @Column({ type: 'varchar', length: 2000, transformer: spaceDelimited })
  scope: string[] = [];

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}

import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../common/columns/timestamp-columns';

@Entity('users')
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  /** Stored lower-case; unique. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  /** True once the user followed a verification link mailed to `email` (the OpenID Connect `email_verified` claim). */
  @Column({ name: 'email_verified', type: 'boolean', default: false })
  emailVerified: boolean = false;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ name: 'is_admin', type: 'boolean', default: false })
  isAdmin: boolean = false;

  @Column({ type: 'boolean', default: false })
  disabled: boolean = false;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

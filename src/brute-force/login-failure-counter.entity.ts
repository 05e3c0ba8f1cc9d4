import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-ins counted under one key: `account:<sha256 of email>` or `ip:<sha256 of address>`. */
@Entity('login_failure_counters')
export class LoginFailureCounter {
  @PrimaryColumn({ name: 'counter_key', type: 'varchar', length: 80 })
  key!: string;

  @Column({ type: 'int' })
  failures!: number;

  @Column({ name: 'first_failure_at', type: 'datetime', precision: 3 })
  firstFailureAt!: Date;

  @Column({ name: 'last_failure_at', type: 'datetime', precision: 3 })
  lastFailureAt!: Date;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil: Date | null = null;
}

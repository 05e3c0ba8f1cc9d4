import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Brute-force counters for the password grant (used when no Redis is configured). */
export class LoginFailureCounters1763870000000 implements MigrationInterface {
  name = 'LoginFailureCounters1763870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'login_failure_counters',
        columns: [
          { name: 'counter_key', type: 'varchar', length: '80', isPrimary: true },
          { name: 'failures', type: 'int', default: 0 },
          { name: 'first_failure_at', type: 'datetime', precision: 3 },
          { name: 'last_failure_at', type: 'datetime', precision: 3 },
          { name: 'locked_until', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [new TableIndex({ columnNames: ['last_failure_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_failure_counters', true, true, true);
  }
}

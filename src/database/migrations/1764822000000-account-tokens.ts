import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/**
 * Single-use tokens of the links mailed for a password reset or an email verification. Only the
 * SHA-256 of each token is stored.
 */
export class AccountTokens1764822000000 implements MigrationInterface {
  name = 'AccountTokens1764822000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const now =
      queryRunner.connection.options.type === 'mysql'
        ? 'CURRENT_TIMESTAMP(3)'
        : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
    await queryRunner.createTable(
      new Table({
        name: 'account_tokens',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'purpose', type: 'varchar', length: '32' },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          { name: 'used_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3, default: now },
        ],
        indices: [new TableIndex({ columnNames: ['user_id', 'purpose', 'created_at'] })],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('account_tokens', true, true, true);
  }
}

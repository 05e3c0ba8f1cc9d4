import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';

const MS = 3;

function belongsTo(table: string, column: string, referenced: string): TableForeignKey {
  return new TableForeignKey({
    name: `FK_${table}_${column}`,
    columnNames: [column],
    referencedTableName: referenced,
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });
}

/**
 * Browser sign-in: `sessions` (single sign-on; the cookie's SHA-256 is the key), `authorization_codes`
 * (RFC 6749 §4.1: stored hashed, single use, with what their first use issued so a reuse can revoke
 * it), and `consents` (the scopes a user granted a client).
 */
export class BrowserSignIn1764831000000 implements MigrationInterface {
  name = 'BrowserSignIn1764831000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'id_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'sid', type: 'varchar', length: '36', isUnique: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'auth_time', type: 'datetime', precision: MS },
          { name: 'amr', type: 'varchar', length: '100' },
          { name: 'last_active_at', type: 'datetime', precision: MS },
          { name: 'expires_at', type: 'datetime', precision: MS },
          { name: 'created_at', type: 'datetime', precision: MS },
        ],
        indices: [{ name: 'IDX_sessions_user_id', columnNames: ['user_id'] }],
        foreignKeys: [belongsTo('sessions', 'user_id', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'authorization_codes',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'code_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'client_id', type: 'varchar', length: '36' },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'redirect_uri', type: 'varchar', length: '2000' },
          { name: 'code_challenge', type: 'varchar', length: '128' },
          { name: 'scope', type: 'varchar', length: '2000' },
          { name: 'nonce', type: 'varchar', length: '500', isNullable: true },
          { name: 'auth_time', type: 'datetime', precision: MS },
          { name: 'amr', type: 'varchar', length: '100' },
          { name: 'sid', type: 'varchar', length: '36' },
          { name: 'expires_at', type: 'datetime', precision: MS },
          { name: 'used_at', type: 'datetime', precision: MS, isNullable: true },
          { name: 'refresh_family_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'access_token_jti', type: 'varchar', length: '64', isNullable: true },
          { name: 'access_token_expires_at', type: 'datetime', precision: MS, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: MS },
        ],
        indices: [{ name: 'IDX_authorization_codes_expires_at', columnNames: ['expires_at'] }],
        foreignKeys: [
          belongsTo('authorization_codes', 'client_id', 'clients'),
          belongsTo('authorization_codes', 'user_id', 'users'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'consents',
        columns: [
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'client_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'scope', type: 'varchar', length: '2000' },
          { name: 'created_at', type: 'datetime', precision: MS },
          { name: 'updated_at', type: 'datetime', precision: MS },
        ],
        foreignKeys: [belongsTo('consents', 'user_id', 'users'), belongsTo('consents', 'client_id', 'clients')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('consents');
    await queryRunner.dropTable('authorization_codes');
    await queryRunner.dropTable('sessions');
  }
}

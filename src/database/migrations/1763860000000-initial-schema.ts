import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

/** The whole schema, written with the Table API so it runs unchanged on SQLite and MySQL/MariaDB. */
export class InitialSchema1763860000000 implements MigrationInterface {
  name = 'InitialSchema1763860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const col = new ColumnKit(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          col.uuid('id', { isPrimary: true }),
          col.varchar('email', 254, { isUnique: true }),
          col.varchar('name', 200, { isNullable: true }),
          col.varchar('password_hash', 255),
          col.boolean('is_admin'),
          col.boolean('disabled'),
          ...col.timestamps(),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'scopes',
        columns: [
          col.varchar('name', 100, { isPrimary: true }),
          col.varchar('description', 500, { default: "''" }),
          col.boolean('is_default'),
          col.boolean('admin_only'),
          ...col.timestamps(),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'clients',
        columns: [
          col.uuid('id', { isPrimary: true }),
          col.varchar('client_id', 64, { isUnique: true }),
          col.varchar('secret_hash', 64, { isNullable: true }),
          col.varchar('name', 200),
          col.uuid('owner_id', { isNullable: true }),
          col.boolean('confidential', true),
          col.varchar('grant_types', 500),
          col.varchar('scopes', 2000),
          { name: 'access_token_ttl', type: 'int', isNullable: true },
          { name: 'refresh_token_ttl', type: 'int', isNullable: true },
          col.boolean('can_introspect'),
          col.boolean('disabled'),
          ...col.timestamps(),
        ],
        indices: [new TableIndex({ columnNames: ['owner_id'] })],
        foreignKeys: [col.cascadeTo('owner_id', 'users')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          col.uuid('id', { isPrimary: true }),
          col.varchar('token_hash', 64, { isUnique: true }),
          col.uuid('family_id'),
          col.uuid('parent_id', { isNullable: true }),
          col.uuid('user_id'),
          col.uuid('client_id'),
          col.varchar('scope', 2000),
          col.datetime('expires_at'),
          col.datetime('used_at', { isNullable: true }),
          col.datetime('revoked_at', { isNullable: true }),
          col.createdAt(),
        ],
        indices: [
          new TableIndex({ columnNames: ['family_id'] }),
          new TableIndex({ columnNames: ['user_id'] }),
          new TableIndex({ columnNames: ['client_id'] }),
        ],
        foreignKeys: [col.cascadeTo('user_id', 'users'), col.cascadeTo('client_id', 'clients')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'signing_keys',
        columns: [
          col.varchar('kid', 64, { isPrimary: true }),
          col.varchar('alg', 16),
          { name: 'public_key', type: 'text' },
          { name: 'private_key', type: 'text' },
          col.boolean('private_key_encrypted'),
          col.datetime('retired_at', { isNullable: true }),
          col.datetime('expires_at', { isNullable: true }),
          col.createdAt(),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'revoked_access_tokens',
        columns: [col.varchar('jti', 64, { isPrimary: true }), col.datetime('expires_at')],
        indices: [new TableIndex({ columnNames: ['expires_at'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          col.uuid('id', { isPrimary: true }),
          col.varchar('type', 64),
          col.uuid('actor_user_id', { isNullable: true }),
          col.varchar('subject', 254, { isNullable: true }),
          col.varchar('client_id', 64, { isNullable: true }),
          col.varchar('ip', 64, { isNullable: true }),
          { name: 'details', type: 'text', isNullable: true },
          col.createdAt(),
        ],
        indices: [
          new TableIndex({ columnNames: ['type', 'created_at'] }),
          new TableIndex({ columnNames: ['actor_user_id'] }),
          new TableIndex({ columnNames: ['client_id'] }),
          new TableIndex({ columnNames: ['created_at'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'contacts',
        columns: [
          col.uuid('id', { isPrimary: true }),
          col.uuid('owner_id'),
          col.varchar('name', 200),
          col.varchar('email', 254, { isNullable: true }),
          col.varchar('phone', 50, { isNullable: true }),
          { name: 'notes', type: 'text', isNullable: true },
          ...col.timestamps(),
        ],
        indices: [new TableIndex({ columnNames: ['owner_id'] })],
        foreignKeys: [col.cascadeTo('owner_id', 'users')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'contacts',
      'audit_events',
      'revoked_access_tokens',
      'signing_keys',
      'refresh_tokens',
      'clients',
      'scopes',
      'users',
    ]) {
      await queryRunner.dropTable(table, true, true, true);
    }
  }
}

/** Column shapes shared by the tables, with the one dialect difference (the timestamp default) in one place. */
class ColumnKit {
  private readonly isMysql: boolean;

  constructor(queryRunner: QueryRunner) {
    this.isMysql = queryRunner.connection.options.type === 'mysql';
  }

  uuid(name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions {
    return this.varchar(name, 36, extra);
  }

  varchar(name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions {
    return { name, type: 'varchar', length: String(length), ...extra };
  }

  boolean(name: string, defaultValue = false): TableColumnOptions {
    return { name, type: 'boolean', default: defaultValue ? 1 : 0 };
  }

  datetime(name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions {
    return { name, type: 'datetime', precision: 3, ...extra };
  }

  createdAt(): TableColumnOptions {
    return this.datetime('created_at', { default: this.now() });
  }

  timestamps(): TableColumnOptions[] {
    return [this.createdAt(), this.datetime('updated_at', { default: this.now() })];
  }

  cascadeTo(column: string, table: string): TableForeignKey {
    return new TableForeignKey({
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    });
  }

  // The same text format TypeORM writes for dates on SQLite, so values compare as strings.
  private now(): string {
    return this.isMysql ? 'CURRENT_TIMESTAMP(3)' : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
  }
}

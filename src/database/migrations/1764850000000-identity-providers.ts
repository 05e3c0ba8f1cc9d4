import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

/**
 * Federated sign-in: the identity providers admins configure, the external identities linked to users
 * (keyed by provider alias and the provider's subject, never by email), and the external credentials
 * already spent (RFC 7523 §3 and RFC 8693 replay protection shared by every instance).
 */
export class IdentityProviders1764850000000 implements MigrationInterface {
  name = 'IdentityProviders1764850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const now =
      queryRunner.connection.options.type === 'mysql'
        ? 'CURRENT_TIMESTAMP(3)'
        : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
    const varchar = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      ...extra,
    });
    const datetime = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: 'datetime',
      precision: 3,
      ...extra,
    });

    await queryRunner.createTable(
      new Table({
        name: 'identity_providers',
        columns: [
          varchar('alias', 40, { isPrimary: true }),
          varchar('type', 16),
          varchar('issuer', 500, { isNullable: true, isUnique: true }),
          varchar('jwks_uri', 500, { isNullable: true }),
          varchar('audiences', 2000),
          { name: 'create_users', type: 'boolean', default: 0 },
          varchar('app_id', 100, { isNullable: true }),
          { name: 'app_secret_encrypted', type: 'text', isNullable: true },
          varchar('graph_api_url', 500, { isNullable: true }),
          datetime('created_at', { default: now }),
          datetime('updated_at', { default: now }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'external_identities',
        columns: [
          varchar('id', 36, { isPrimary: true }),
          varchar('provider_alias', 40),
          varchar('subject', 255),
          varchar('user_id', 36),
          varchar('email', 254, { isNullable: true }),
          datetime('created_at', { default: now }),
        ],
        indices: [
          new TableIndex({ columnNames: ['provider_alias', 'subject'], isUnique: true }),
          new TableIndex({ columnNames: ['user_id'] }),
        ],
        foreignKeys: [
          // Deleting a provider forgets its identities: a later provider reusing the alias must not inherit them.
          new TableForeignKey({
            columnNames: ['provider_alias'],
            referencedTableName: 'identity_providers',
            referencedColumnNames: ['alias'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'spent_external_credentials',
        columns: [varchar('credential_key', 64, { isPrimary: true }), datetime('expires_at')],
        indices: [new TableIndex({ columnNames: ['expires_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['spent_external_credentials', 'external_identities', 'identity_providers']) {
      await queryRunner.dropTable(table, true, true, true);
    }
  }
}

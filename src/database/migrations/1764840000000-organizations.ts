import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';

const ORG_SCOPES = [
  { name: 'orgs:read', description: 'See your organizations, their members and apps' },
  { name: 'orgs:write', description: 'Create and change organizations, their members and apps' },
];

// The text format TypeORM writes for dates on SQLite, so values compare as strings.
const NOW_SQLITE = "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";

/** Tables that gain an `organization_id` (an org app; a refresh token issued for an organization). */
const ORG_OWNED = ['clients', 'refresh_tokens'];

/**
 * Organizations, their members (one role each) and the two org scopes. Deleting an organization
 * cascades to its memberships, its apps and every refresh token issued for it.
 */
export class Organizations1764840000000 implements MigrationInterface {
  name = 'Organizations1764840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const now = queryRunner.connection.options.type === 'mysql' ? 'CURRENT_TIMESTAMP(3)' : NOW_SQLITE;
    const createdAt = { name: 'created_at', type: 'datetime', precision: 3, default: now };
    await queryRunner.createTable(
      new Table({
        name: 'organizations',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          // `key` is a reserved word in MySQL.
          { name: 'org_key', type: 'varchar', length: '40', isUnique: true },
          { name: 'name', type: 'varchar', length: '200' },
          createdAt,
          { ...createdAt, name: 'updated_at' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'organization_members',
        columns: [
          { name: 'organization_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'role', type: 'varchar', length: '16' },
          createdAt,
        ],
        indices: [new TableIndex({ columnNames: ['user_id'] })],
        foreignKeys: [cascadeTo('organization_id', 'organizations'), cascadeTo('user_id', 'users')],
      }),
    );
    for (const table of ORG_OWNED) {
      await queryRunner.addColumn(
        table,
        new TableColumn({ name: 'organization_id', type: 'varchar', length: '36', isNullable: true }),
      );
      await queryRunner.createIndex(table, new TableIndex({ columnNames: ['organization_id'] }));
      await queryRunner.createForeignKey(table, cascadeTo('organization_id', 'organizations'));
    }
    for (const scope of ORG_SCOPES) {
      await queryRunner.query('INSERT INTO scopes (name, description, is_default, admin_only) VALUES (?, ?, 0, 0)', [
        scope.name,
        scope.description,
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const scope of ORG_SCOPES) await queryRunner.query('DELETE FROM scopes WHERE name = ?', [scope.name]);
    for (const table of ORG_OWNED) {
      const found = await queryRunner.getTable(table);
      const foreignKey = found?.foreignKeys.find((key) => key.columnNames.includes('organization_id'));
      if (foreignKey) await queryRunner.dropForeignKey(table, foreignKey);
      const index = found?.indices.find((candidate) => candidate.columnNames.includes('organization_id'));
      if (index) await queryRunner.dropIndex(table, index);
      await queryRunner.dropColumn(table, 'organization_id');
    }
    await queryRunner.dropTable('organization_members', true, true, true);
    await queryRunner.dropTable('organizations', true, true, true);
  }
}

function cascadeTo(column: string, table: string): TableForeignKey {
  return new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });
}

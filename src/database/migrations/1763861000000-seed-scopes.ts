import { MigrationInterface, QueryRunner } from 'typeorm';

const SEEDED_SCOPES: { name: string; description: string; isDefault: boolean; adminOnly: boolean }[] = [
  { name: 'profile', description: 'Read your own profile', isDefault: true, adminOnly: false },
  { name: 'clients:read', description: 'List and read your registered apps', isDefault: true, adminOnly: false },
  { name: 'clients:write', description: 'Register, change and delete your apps', isDefault: true, adminOnly: false },
  {
    name: 'admin',
    description: 'Administer users, clients, scopes and the audit log',
    isDefault: false,
    adminOnly: true,
  },
  { name: 'contacts.read', description: 'Read your contacts', isDefault: true, adminOnly: false },
  { name: 'contacts.write', description: 'Create, change and delete your contacts', isDefault: true, adminOnly: false },
  { name: 'openid', description: 'Identify you by your user id', isDefault: false, adminOnly: false },
];

/** The scopes the server ships with. A migration runs once, so a scope an admin later deletes stays deleted. */
export class SeedScopes1763861000000 implements MigrationInterface {
  name = 'SeedScopes1763861000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const scope of SEEDED_SCOPES) {
      await queryRunner.query('INSERT INTO scopes (name, description, is_default, admin_only) VALUES (?, ?, ?, ?)', [
        scope.name,
        scope.description,
        scope.isDefault ? 1 : 0,
        scope.adminOnly ? 1 : 0,
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const scope of SEEDED_SCOPES) await queryRunner.query('DELETE FROM scopes WHERE name = ?', [scope.name]);
  }
}

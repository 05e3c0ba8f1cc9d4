import { MigrationInterface, QueryRunner } from 'typeorm';

/** OpenID Connect Core §5.4 scopes, with what a consent page shows for each. */
const OIDC_SCOPES = [
  {
    name: 'openid',
    description: 'Sign you in to the app and tell it your user id',
    seededDescription: 'Identify you by your user id',
  },
  {
    name: 'profile',
    description: 'Read your name and profile',
    seededDescription: 'Read your own profile',
  },
  {
    name: 'email',
    description: 'Read your email address and whether it is verified',
    seededDescription: undefined,
  },
];

/**
 * The OpenID Connect scopes exist from the first start. `email` is added unless an admin already made
 * it; the descriptions of `openid` and `profile` change only where nobody has edited them since the seed.
 */
export class OpenidConnectScopes1764820000000 implements MigrationInterface {
  name = 'OpenidConnectScopes1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const scope of OIDC_SCOPES) {
      await queryRunner.query(
        'INSERT INTO scopes (name, description, is_default, admin_only) ' +
          'SELECT ?, ?, 0, 0 FROM (SELECT 1 AS one) AS single_row ' +
          'WHERE NOT EXISTS (SELECT 1 FROM scopes WHERE name = ?)',
        [scope.name, scope.description, scope.name],
      );
      if (scope.seededDescription !== undefined) {
        await queryRunner.query('UPDATE scopes SET description = ? WHERE name = ? AND description = ?', [
          scope.description,
          scope.name,
          scope.seededDescription,
        ]);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const scope of OIDC_SCOPES) {
      if (scope.seededDescription === undefined) {
        await queryRunner.query('DELETE FROM scopes WHERE name = ? AND description = ?', [
          scope.name,
          scope.description,
        ]);
      } else {
        await queryRunner.query('UPDATE scopes SET description = ? WHERE name = ? AND description = ?', [
          scope.seededDescription,
          scope.name,
          scope.description,
        ]);
      }
    }
  }
}

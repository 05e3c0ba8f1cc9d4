import { MigrationInterface, QueryRunner } from 'typeorm';
import { canonicalEmail } from '../../common/validation/canonical-email';

/**
 * Emails are compared exactly, in one canonical form (see canonicalEmail). MySQL/MariaDB compared
 * `users.email` under an accent- and case-insensitive collation, so `victím@example.com` found the
 * user `victim@example.com` while the brute-force counters saw two addresses: the column becomes
 * binary (SQLite compares bytes already). Existing rows are rewritten in canonical form, except a row
 * whose canonical form another row already holds (left as it was, for an admin to merge).
 */
export class UsersEmailCanonical1764800000000 implements MigrationInterface {
  name = 'UsersEmailCanonical1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isMysql(queryRunner)) await setEmailCollation(queryRunner, 'utf8mb4_bin');
    const rows = (await queryRunner.query('SELECT id, email FROM users')) as { id: string; email: string }[];
    const taken = new Set(rows.map((row) => row.email));
    for (const row of rows) {
      const canonical = canonicalEmail(row.email);
      if (canonical === row.email || taken.has(canonical)) continue;
      await queryRunner.query('UPDATE users SET email = ? WHERE id = ?', [canonical, row.id]);
      taken.add(canonical);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isMysql(queryRunner)) await setEmailCollation(queryRunner, 'utf8mb4_unicode_ci');
  }
}

function isMysql(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

// A raw MODIFY: TypeORM's changeColumn may drop and re-add a column whose definition changes.
function setEmailCollation(queryRunner: QueryRunner, collation: string): Promise<unknown> {
  return queryRunner.query(
    `ALTER TABLE users MODIFY email varchar(254) CHARACTER SET utf8mb4 COLLATE ${collation} NOT NULL`,
  );
}

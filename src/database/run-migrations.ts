import type { DataSource } from 'typeorm';
import { isMysql, withNamedLock } from './dialect';

const MIGRATION_LOCK = 'oauth_server_migrations';

/**
 * Runs pending migrations once. On MySQL a named lock serialises instances that start together, so
 * the second waits and then finds nothing to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (!isMysql(dataSource)) return runSqliteMigrations(dataSource);
  await withNamedLock(dataSource, MIGRATION_LOCK, 60, () => dataSource.runMigrations({ transaction: 'none' }));
}

/**
 * SQLite has no named lock. Each migration runs in its own transaction, so an instance that loses a
 * race sees its attempt rolled back; it retries until the winner has applied everything.
 */
async function runSqliteMigrations(dataSource: DataSource, attempts = 20): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      if (!(await dataSource.showMigrations())) return;
    }
  }
}

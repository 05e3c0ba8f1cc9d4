import type { DataSource } from 'typeorm';

const MIGRATION_LOCK = 'oauth_server_migrations';

/**
 * Runs pending migrations once. On MySQL a named lock serialises instances that start together, so
 * the second waits and then finds nothing to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'mysql') return runSqliteMigrations(dataSource);
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    const [{ locked }] = (await runner.query('SELECT GET_LOCK(?, 60) AS locked', [MIGRATION_LOCK])) as {
      locked: number;
    }[];
    if (Number(locked) !== 1) throw new Error('Timed out waiting for the migration lock held by another instance');
    try {
      await dataSource.runMigrations({ transaction: 'none' });
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
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

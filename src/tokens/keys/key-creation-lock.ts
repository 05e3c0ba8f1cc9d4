import type { DataSource } from 'typeorm';

const MYSQL_LOCK = 'oauth_server_signing_keys';

/**
 * Serialises the creation of the first signing key across instances starting together on one empty
 * MySQL database (a named lock, as for migrations). On SQLite, where the creation is a single
 * conditional INSERT and SQLite runs each statement under its write lock, `work` runs as is.
 */
export async function withKeyCreationLock(dataSource: DataSource, work: () => Promise<void>): Promise<void> {
  if (dataSource.options.type !== 'mysql') return work();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = (await runner.query('SELECT GET_LOCK(?, 30) AS locked', [MYSQL_LOCK])) as { locked: number }[];
    if (Number(locked) !== 1) throw new Error('Timed out waiting for another instance to create the signing key');
    try {
      await work();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [MYSQL_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

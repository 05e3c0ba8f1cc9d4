import type { DataSource, EntityManager } from 'typeorm';

/**
 * Every place where SQLite and MySQL/MariaDB need different code. Repositories call these; nothing
 * else looks at `options.type`.
 */

const queues = new WeakMap<object, Promise<unknown>>();

/**
 * `manager.transaction(work)`, except that on SQLite transactions of one process run one after the
 * other: TypeORM shares a single better-sqlite3 connection, so two overlapping transactions fail with
 * "cannot start a transaction within a transaction". MySQL runs them concurrently on pooled connections.
 */
export function serializedTransaction<T>(
  manager: EntityManager,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (manager.connection.options.type !== 'better-sqlite3') return manager.transaction(work);
  const key = manager.connection;
  const previous = queues.get(key) ?? Promise.resolve();
  const result = previous.then(() => manager.transaction(work));
  queues.set(
    key,
    result.catch(() => undefined),
  );
  return result;
}

/**
 * Runs `work` holding a MySQL named lock (GET_LOCK), so instances starting together on one database take
 * turns. SQLite has no named lock: there `work` runs as is, and callers rely on SQLite's single writer.
 */
export async function withNamedLock<T>(
  dataSource: DataSource,
  name: string,
  timeoutSeconds: number,
  work: () => Promise<T>,
): Promise<T> {
  if (!isMysql(dataSource)) return work();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    const [{ locked }] = (await runner.query('SELECT GET_LOCK(?, ?) AS locked', [name, timeoutSeconds])) as {
      locked: number;
    }[];
    if (Number(locked) !== 1) throw new Error(`Timed out waiting for the lock "${name}" held by another instance`);
    try {
      return await work();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [name]);
    }
  } finally {
    await runner.release();
  }
}

/** Tables whose row stands for an owner of other rows (quotas count per owner). */
export type OwnerTable = 'users' | 'organizations';

/**
 * Inside a serializedTransaction, holds the owner's row until commit, so a count-then-insert for one
 * owner (a quota) runs one at a time and two concurrent creates cannot both pass the count. MySQL:
 * `SELECT ... FOR UPDATE`. SQLite needs nothing: the process's transactions already run one after the
 * other, and a write locks the whole file against other processes.
 */
export async function lockOwnerRow(manager: EntityManager, table: OwnerTable, id: string): Promise<void> {
  if (!isMysql(manager.connection)) return;
  await manager.query(`SELECT id FROM \`${table}\` WHERE id = ? FOR UPDATE`, [id]);
}

export function isMysql(dataSource: DataSource): boolean {
  return dataSource.options.type === 'mysql';
}

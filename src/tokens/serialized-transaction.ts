import type { EntityManager } from 'typeorm';

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

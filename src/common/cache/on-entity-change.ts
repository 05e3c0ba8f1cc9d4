import type { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';

interface ChangeEvent {
  queryRunner: QueryRunner;
  metadata: { target: unknown };
}

/**
 * Calls `changed` with the entity class after every insert, update or delete of the given entities made
 * through TypeORM on this data source (repositories and query builders, on every code path). A change
 * inside a transaction calls it again at commit: a read on another connection meanwhile still saw the old row.
 */
export function onEntityChange(
  dataSource: DataSource,
  entities: readonly unknown[],
  changed: (entity: unknown) => void,
): void {
  const watched = new Set(entities);
  const inTransaction = new WeakMap<QueryRunner, Set<unknown>>();
  const after = (event: ChangeEvent): void => {
    const entity = event.metadata.target;
    if (!watched.has(entity)) return;
    changed(entity);
    const runner = event.queryRunner;
    if (runner?.isTransactionActive) inTransaction.set(runner, (inTransaction.get(runner) ?? new Set()).add(entity));
  };
  const subscriber: EntitySubscriberInterface = {
    afterInsert: after,
    afterUpdate: after,
    afterRemove: after,
    afterSoftRemove: after,
    afterTransactionCommit: ({ queryRunner }) => {
      const committed = inTransaction.get(queryRunner);
      inTransaction.delete(queryRunner);
      for (const entity of committed ?? []) changed(entity);
    },
    afterTransactionRollback: ({ queryRunner }) => {
      inTransaction.delete(queryRunner);
    },
  };
  dataSource.subscribers.push(subscriber);
}

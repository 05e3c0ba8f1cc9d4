import type { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';

interface ChangeEvent {
  queryRunner: QueryRunner;
  metadata: { target: unknown };
}

/**
 * Calls `changed` after every insert, update or delete of the given entities made through TypeORM on
 * this data source (repositories and query builders, on every code path). A change inside a
 * transaction calls it again at commit: a read on another connection meanwhile still saw the old row.
 */
export function onEntityChange(dataSource: DataSource, entities: readonly unknown[], changed: () => void): void {
  const watched = new Set(entities);
  const inTransaction = new WeakSet<QueryRunner>();
  const after = (event: ChangeEvent): void => {
    if (!watched.has(event.metadata.target)) return;
    changed();
    if (event.queryRunner?.isTransactionActive) inTransaction.add(event.queryRunner);
  };
  const subscriber: EntitySubscriberInterface = {
    afterInsert: after,
    afterUpdate: after,
    afterRemove: after,
    afterSoftRemove: after,
    afterTransactionCommit: ({ queryRunner }) => {
      if (inTransaction.delete(queryRunner)) changed();
    },
    afterTransactionRollback: ({ queryRunner }) => {
      inTransaction.delete(queryRunner);
    },
  };
  dataSource.subscribers.push(subscriber);
}

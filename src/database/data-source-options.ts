import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ensurePrivateDirectory, ensurePrivateFile } from '../common/files/private-files';
import type { DatabaseConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';

/**
 * One builder for the app and the TypeORM CLI (ormconfig.ts), so both reach the same database with the
 * same migrations. It names no entity: the app loads those its modules register (`autoLoadEntities`),
 * and ormconfig.ts lists them for the CLI, so database/ imports no feature.
 */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: false,
  };
  if (database.type === 'sqlite') {
    if (database.path !== ':memory:') {
      // SQLite gives its -wal and -shm files the database file's mode, so 0600 here covers them too.
      ensurePrivateDirectory(dirname(database.path));
      ensurePrivateFile(database.path);
    }
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      // WAL lets readers run beside the one writer; busy_timeout makes a second process wait instead of failing.
      // synchronous=NORMAL is WAL's recommended pairing: no fsync per commit, still never corrupt.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    ...common,
    type: 'mysql',
    host: database.host,
    port: database.port,
    username: database.username,
    password: database.password,
    database: database.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    connectTimeout: 5000,
    // trace: false spares mysql2 an Error.captureStackTrace per query (4-7 % of a MariaDB request's main
    // thread in `npm run bench -- --profile`); a database error keeps its own message, code and stack.
    extra: { connectionLimit: 20, enableKeepAlive: true, trace: false },
  };
}

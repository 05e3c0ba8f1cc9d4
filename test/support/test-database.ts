import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export type Dialect = 'sqlite' | 'mysql';

/** Which database this Jest run targets: scripts/run-tests.mjs sets TEST_DB for each pass. */
export const dialect: Dialect = process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite';

/** Runs a describe block only on MySQL/MariaDB (for what SQLite cannot show, like a server outage). */
export const describeOnMysql = dialect === 'mysql' ? describe : describe.skip;

export interface TestDatabase {
  /** A DATABASE_URL for the server. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of its own for one suite: a temp SQLite file, or a new MySQL database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-test-'));
    return {
      url: `sqlite:${join(dir, 'oauth.sqlite')}`,
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const server = mysqlServerUrl();
  const name = `oauth_test_${randomBytes(6).toString('hex')}`;
  await withMysql(server, (connection) =>
    connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
  );
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withMysql(server, (connection) => connection.query(`DROP DATABASE IF EXISTS \`${name}\``)),
  };
}

export function mysqlServerUrl(): string {
  const url = process.env.TEST_MYSQL_URL;
  if (!url) throw new Error('TEST_DB=mysql needs TEST_MYSQL_URL (mysql://root@127.0.0.1:3306/test)');
  return url;
}

async function withMysql(
  serverUrl: string,
  work: (connection: Awaited<ReturnType<typeof createConnection>>) => Promise<unknown>,
): Promise<void> {
  const connection = await createConnection(serverUrl);
  try {
    await work(connection);
  } finally {
    await connection.end();
  }
}

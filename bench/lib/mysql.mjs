// A fresh MySQL/MariaDB database for one benchmark run (BENCH_MYSQL_URL names the server), dropped after.
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

async function onServer(serverUrl, sql) {
  const connection = await createConnection(serverUrl);
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/** Creates `oauth_bench_<random>` and returns { url (a DATABASE_URL), drop() }. */
export async function createBenchDatabase(serverUrl) {
  const name = `oauth_bench_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await onServer(serverUrl, `DROP DATABASE IF EXISTS \`${name}\``);
    },
  };
}

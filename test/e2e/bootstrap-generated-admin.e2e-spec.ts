import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsersService } from '../../src/users/users.service';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

// Nest's Logger is process-wide: one app's start-up lines may reach another app's stream, so these
// tests read the logs of every server they started.
describe('bootstrap without ADMIN_PASSWORD', () => {
  const started: TestApp[] = [];
  const start = async (env: Record<string, string>, database: TestDatabase): Promise<TestApp> => {
    const server = await startTestApp(env, { database, captureLogs: true });
    started.push(server);
    return server;
  };
  const passwordLines = (): string[] =>
    started.flatMap((server) => server.logs.join('').split('\n')).filter((line) => line.includes('generated password'));

  let database: TestDatabase;
  let scratch: string;
  let dataDirectory: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    scratch = mkdtempSync(join(tmpdir(), 'oauth-data-'));
    dataDirectory = join(scratch, 'not-yet-there');
  });
  afterAll(async () => {
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('generates a strong admin password into a 0600 file, never a log, once across two instances starting together', async () => {
    const env = { ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: '', DATA_DIR: dataDirectory };
    const servers = await Promise.all([start(env, database), start(env, database)]);
    try {
      const lines = passwordLines();
      expect(lines).toHaveLength(1);
      const file = join(dataDirectory, 'initial-admin-password');
      expect(lines[0]).toContain(file);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(dataDirectory).mode & 0o777).toBe(0o700);
      const password = readFileSync(file, 'utf8').trim();
      expect(password.length).toBeGreaterThanOrEqual(43);
      for (const server of started) expect(server.logs.join('')).not.toContain(password);

      const admins = await servers[0].dataSource.query<unknown[]>('SELECT id FROM users WHERE is_admin = ?', [1]);
      expect(admins).toHaveLength(1);
      const portals = await servers[0].dataSource.query<unknown[]>('SELECT id FROM clients WHERE client_id = ?', [
        'portal',
      ]);
      expect(portals).toHaveLength(1);
      expect(await servers[1].app.get(UsersService).verifyCredentials('root@example.test', password)).not.toBeNull();
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  });

  it('does not create another admin or print a password on the next start', async () => {
    const server = await start(
      { ADMIN_EMAIL: 'other@example.test', ADMIN_PASSWORD: '', DATA_DIR: dataDirectory },
      database,
    );
    try {
      expect(passwordLines()).toHaveLength(1);
      const admins = await server.dataSource.query<{ email: string }[]>(
        'SELECT email FROM users WHERE is_admin = ?',
        [1],
      );
      expect(admins).toEqual([{ email: 'root@example.test' }]);
    } finally {
      await server.close();
    }
  });
});

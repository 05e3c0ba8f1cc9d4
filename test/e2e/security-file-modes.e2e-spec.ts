import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, dialect } from '../support/test-database';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

/** Issue #10 item 11: the SQLite file holds signing keys and hashes; only the server's user may read it. */
(dialect === 'sqlite' ? describe : describe.skip)('the data directory and the SQLite file', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'oauth-modes-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  const startOn = (path: string): Promise<TestApp> =>
    startTestApp({}, { database: { url: `sqlite:${path}`, drop: () => Promise.resolve() } });

  it('creates the directory 0700 and the database file, its WAL and shared-memory files 0600', async () => {
    const directory = join(scratch, 'data', 'nested');
    const file = join(directory, 'oauth.sqlite');
    const server = await startOn(file);
    try {
      await server.http.get('/health').expect(200);
      expect(modeOf(join(scratch, 'data'))).toBe(0o700);
      expect(modeOf(directory)).toBe(0o700);
      expect(modeOf(file)).toBe(0o600);
      for (const companion of [`${file}-wal`, `${file}-shm`]) {
        expect(existsSync(companion)).toBe(true);
        expect(modeOf(companion)).toBe(0o600);
      }
    } finally {
      await server.close();
    }
  });

  it('tightens a database file an earlier version left world-readable', async () => {
    const file = join(scratch, 'oauth.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const server = await startOn(file);
    try {
      expect(modeOf(file)).toBe(0o600);
    } finally {
      await server.close();
    }
  });
});

describe('signing keys stored without KEY_ENCRYPTION_SECRET', () => {
  const warnings = (servers: TestApp[]): string[] =>
    servers
      .flatMap((server) => server.logs.join('').split('\n'))
      .filter((line) => line.includes('stored unencrypted') && line.includes('KEY_ENCRYPTION_SECRET'));

  it('says so in one warning at start naming the variable, and says nothing when the secret is set', async () => {
    const database = await createTestDatabase();
    const started: TestApp[] = [];
    try {
      started.push(await startTestApp({}, { database, captureLogs: true }));
      expect(warnings(started)).toHaveLength(1);
      expect(warnings(started)[0]).toContain('"level":40');
      await started[0].close();
      started.push(
        await startTestApp(
          { KEY_ENCRYPTION_SECRET: 'a-key-encryption-secret-of-32-characters-or-more' },
          { database: await createTestDatabase(), captureLogs: true },
        ),
      );
      // Nest's process-wide Logger may route one app's start-up lines to another's stream: count across both.
      expect(warnings(started)).toHaveLength(1);
      await started[1].close();
      await started[1].database.drop();
    } finally {
      await database.drop();
    }
  });
});

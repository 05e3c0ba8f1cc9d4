import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { MIGRATIONS } from '../../src/database/migrations';
import { UsersEmailVerified1764400000000 } from '../../src/database/migrations/1764400000000-users-email-verified';
import { RefreshTokensAuthentication1764821000000 } from '../../src/database/migrations/1764821000000-refresh-tokens-authentication';
import { runMigrations } from '../../src/database/run-migrations';
import { parseDatabaseUrl } from '../../src/config/load-config';
import { RefreshToken } from '../../src/refresh-tokens/refresh-token.entity';
import { User } from '../../src/users/user.entity';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const TABLES = [
  'users',
  'scopes',
  'clients',
  'refresh_tokens',
  'signing_keys',
  'revoked_access_tokens',
  'audit_events',
  'contacts',
];

async function openDataSource(database: TestDatabase): Promise<DataSource> {
  // The options name no entity (the app's modules register theirs); this test reads these two.
  const options = buildDataSourceOptions(parseDatabaseUrl(database.url));
  return new DataSource({ ...options, entities: [User, RefreshToken] }).initialize();
}

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const sql =
    dataSource.options.type === 'mysql'
      ? 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()'
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
  const rows = await dataSource.query<{ name: string }[]>(sql);
  return rows.map((row) => row.name).sort();
}

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    database = await createTestDatabase();
    dataSource = await openDataSource(database);
  });
  afterEach(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  });

  it('create every table, and a second run is a no-op', async () => {
    await runMigrations(dataSource);
    expect(await tableNames(dataSource)).toEqual(expect.arrayContaining(TABLES));
    await runMigrations(dataSource);
    const applied = await dataSource.query<{ name: string }[]>('SELECT name FROM migrations');
    expect(applied.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('revert cleanly, leaving only the migrations table, and apply again', async () => {
    await runMigrations(dataSource);
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
    expect(await tableNames(dataSource)).toEqual(['migrations']);
    await runMigrations(dataSource);
    expect(await tableNames(dataSource)).toEqual(expect.arrayContaining(TABLES));
  });

  it('give users an email_verified flag that starts false, for rows written before it existed too', async () => {
    await runMigrations(dataSource);
    const later = MIGRATIONS.length - MIGRATIONS.indexOf(UsersEmailVerified1764400000000);
    for (let i = 0; i < later; i++) await dataSource.undoLastMigration();
    await dataSource.query(
      "INSERT INTO users (id, email, password_hash, is_admin, disabled) VALUES ('u-1', 'old@example.com', 'x', 1, 0)",
    );
    await runMigrations(dataSource);
    const user = await dataSource.getRepository(User).findOneByOrFail({ id: 'u-1' });
    expect(user.emailVerified).toBe(false);
  });

  it('give refresh tokens written before auth_time existed the sign-in of their family, with amr pwd', async () => {
    await runMigrations(dataSource);
    const later = MIGRATIONS.length - MIGRATIONS.indexOf(RefreshTokensAuthentication1764821000000);
    for (let i = 0; i < later; i++) await dataSource.undoLastMigration();
    await dataSource.query(
      "INSERT INTO users (id, email, password_hash, is_admin, disabled) VALUES ('u-1', 'old@example.com', 'x', 0, 0)",
    );
    await dataSource.query(
      "INSERT INTO clients (id, client_id, name, grant_types, scopes) VALUES ('c-1', 'old-app', 'old', 'password', 'openid')",
    );
    const insertToken = (id: string, parent: string | null, createdAt: string) =>
      dataSource.query(
        'INSERT INTO refresh_tokens (id, token_hash, family_id, parent_id, user_id, client_id, scope, expires_at, created_at) ' +
          "VALUES (?, ?, 'f-1', ?, 'u-1', 'c-1', 'openid', '2099-01-01 00:00:00.000', ?)",
        [id, `hash-${id}`, parent, createdAt],
      );
    await insertToken('t-1', null, '2026-01-01 10:00:00.000');
    await insertToken('t-2', 't-1', '2026-01-01 11:00:00.000');
    await runMigrations(dataSource);
    const rows = await dataSource.getRepository(RefreshToken).find({ order: { id: 'ASC' } });
    expect(rows.map((row) => [row.authTime?.toISOString(), row.amr, row.sid])).toEqual([
      ['2026-01-01T10:00:00.000Z', ['pwd'], null],
      ['2026-01-01T10:00:00.000Z', ['pwd'], null],
    ]);
  });

  it('two instances starting at once on one database apply each migration exactly once', async () => {
    const second = await openDataSource(database);
    try {
      await Promise.all([runMigrations(dataSource), runMigrations(second)]);
      const applied = await dataSource.query<{ name: string }[]>('SELECT name FROM migrations');
      expect(applied).toHaveLength(MIGRATIONS.length);
      expect(await tableNames(second)).toEqual(expect.arrayContaining(TABLES));
    } finally {
      await second.destroy();
    }
  });
});

import { PORTAL_GRANT_TYPES, PORTAL_SCOPES } from '../../src/bootstrap/bootstrap.service';
import { UsersService } from '../../src/users/users.service';
import { startTestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface ClientRow {
  client_id: string;
  secret_hash: string | null;
  confidential: number | boolean;
  grant_types: string;
  scopes: string;
  owner_id: string | null;
}

describe('bootstrap on first start', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.drop());

  it('creates the public portal client and the admin from ADMIN_EMAIL/ADMIN_PASSWORD, once', async () => {
    const first = await startTestApp({}, { database, captureLogs: true });
    await first.close();
    const second = await startTestApp({}, { database });
    try {
      const portal = await second.dataSource.query<ClientRow[]>('SELECT * FROM clients WHERE client_id = ?', [
        'portal',
      ]);
      expect(portal).toHaveLength(1);
      expect(portal[0]).toMatchObject({ secret_hash: null, owner_id: null });
      expect(Boolean(Number(portal[0].confidential))).toBe(false);
      expect(portal[0].grant_types.split(' ')).toEqual(PORTAL_GRANT_TYPES);
      expect(portal[0].scopes.split(' ')).toEqual(PORTAL_SCOPES);

      const admins = await second.dataSource.query<{ email: string }[]>(
        'SELECT email FROM users WHERE is_admin = ?',
        [1],
      );
      expect(admins).toEqual([{ email: 'admin@example.test' }]);
      const users = second.app.get(UsersService);
      expect(await users.verifyCredentials('ADMIN@example.test', 'admin-password-123')).not.toBeNull();
      expect(first.logs.join('')).toContain('Created the first admin admin@example.test');
      expect(first.logs.join('')).not.toContain('admin-password-123');
    } finally {
      await second.close();
    }
  });

  it('uses PORTAL_CLIENT_ID for the portal client', async () => {
    const server = await startTestApp({ PORTAL_CLIENT_ID: 'my-portal' }, { database });
    try {
      const rows = await server.dataSource.query<ClientRow[]>('SELECT client_id FROM clients');
      expect(rows.map((row) => row.client_id)).toEqual(['my-portal']);
    } finally {
      await server.close();
    }
  });
});

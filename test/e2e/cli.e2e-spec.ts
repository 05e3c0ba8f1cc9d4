import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sha256Hex } from '../../src/common/crypto/secrets';
import { signIn } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { childEnv } from '../support/child-env';

const CLI = join(__dirname, '../../dist/cli.js');

// Each command is a fresh Node process that boots the application: slow on a busy machine.
jest.setTimeout(240_000);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe('CLI (npm run cli -- <command>), the built dist/cli.js', () => {
  let database: TestDatabase;

  const cli = async (...args: string[]): Promise<CliResult> => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
        cwd: join(__dirname, '../..'),
        env: childEnv({
          DATABASE_URL: database.url,
          ADMIN_EMAIL: 'admin@example.test',
          ADMIN_PASSWORD: 'admin-password-123',
        }),
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  const field = (output: string, name: string): string => new RegExp(`^${name}: (\\S+)`, 'm').exec(output)?.[1] ?? '';

  /** Starts the server on the CLI's database, to check what the CLI wrote through the real endpoints. */
  const withServer = async (check: (server: TestApp) => Promise<void>): Promise<void> => {
    const server = await startTestApp({}, { database });
    try {
      await check(server);
    } finally {
      await server.close();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('lists the commands with --help, and every command has its own --help', async () => {
    const overview = await cli('--help');
    expect(overview.code).toBe(0);
    for (const name of ['users:create', 'users:set-password', 'clients:create', 'clients:list', 'keys:rotate']) {
      expect(overview.stdout).toContain(name);
      const help = await cli(name, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: npm run cli -- ${name}`);
    }
  });

  it.each([
    [['nope'], 'Unknown command "nope"'],
    [['users:create'], 'expected 1 argument(s), got 0'],
    [['users:create', 'not-an-email'], '"not-an-email" is not an email address'],
    [['users:create', 'a@example.test', '--password', 'short'], 'password must be at least 10 characters'],
    [['users:create', 'a@example.test', '--bogus'], "Unknown option '--bogus'"],
    [['clients:create', '--owner', 'a@example.test'], '--name is required'],
    [['clients:list', 'extra'], 'unexpected argument "extra"'],
  ])('refuses %j with a clear message and exit code 2', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('creates an admin with a generated password printed once, which signs in', async () => {
    const result = await cli('users:create', 'Ops@Example.test', '--admin', '--name', 'Ops');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created admin ops@example.test');
    const password = field(result.stdout, 'password');
    expect(password.length).toBeGreaterThanOrEqual(43);
    await withServer(async (server) => {
      const token = await signIn(server, { email: 'ops@example.test', password }, 'admin');
      expect((await server.http.get('/admin/users').auth(token, { type: 'bearer' })).status).toBe(200);
    });
    expect((await cli('users:create', 'ops@example.test')).stderr).toContain('already exists');
  });

  it('sets a password: the old one stops working and the new one works', async () => {
    expect((await cli('users:create', 'dev@example.test', '--password', 'first-password-1')).code).toBe(0);
    const result = await cli('users:set-password', 'DEV@example.test', '--password', 'second-password-2');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('second-password-2');
    await withServer(async (server) => {
      await expect(signIn(server, { email: 'dev@example.test', password: 'first-password-1' })).rejects.toThrow(/400/);
      await expect(signIn(server, { email: 'dev@example.test', password: 'second-password-2' })).resolves.toEqual(
        expect.any(String),
      );
    });
    const missing = await cli('users:set-password', 'nobody@example.test');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('User nobody@example.test not found');
  });

  it('creates a client, printing its secret once and storing only the hash; lists it without the secret', async () => {
    const created = await cli(
      'clients:create',
      '--name',
      'Batch job',
      '--owner',
      'dev@example.test',
      '--grant-types',
      'client_credentials',
      '--scopes',
      'profile,contacts.read',
    );
    expect(created.code).toBe(0);
    const clientId = field(created.stdout, 'client_id');
    const secret = field(created.stdout, 'client_secret');
    expect(secret.length).toBeGreaterThanOrEqual(43);
    await withServer(async (server) => {
      const [row] = await server.dataSource.query<{ secret_hash: string; scopes: string }[]>(
        'SELECT secret_hash, scopes FROM clients WHERE client_id = ?',
        [clientId],
      );
      expect(row).toEqual({ secret_hash: sha256Hex(secret), scopes: 'profile contacts.read' });
      const token = await server.http
        .post('/oauth/token')
        .auth(clientId, secret)
        .type('form')
        .send({ grant_type: 'client_credentials', scope: 'contacts.read' });
      expect(token.status).toBe(200);
    });

    const list = await cli('clients:list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`${clientId}\tBatch job\tdev@example.test\tconfidential`);
    expect(list.stdout).toContain('portal\t');
    expect(list.stdout).not.toContain(secret);

    const refused = await cli('clients:create', '--name', 'x', '--owner', 'dev@example.test', '--scopes', 'admin');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('scopes: "admin" is restricted to admins');
  });

  it('creates an app first-party with --first-party: its password grant signs in every user at once', async () => {
    const create = async (...flags: string[]) => {
      const created = await cli('clients:create', '--name', 'Staff app', '--owner', 'dev@example.test', ...flags);
      expect(created.code).toBe(0);
      return { client_id: field(created.stdout, 'client_id'), client_secret: field(created.stdout, 'client_secret') };
    };
    const approved = await create('--grant-types', 'password', '--first-party');
    const waiting = await create('--grant-types', 'password');
    await withServer(async (server) => {
      const grant = (app: { client_id: string; client_secret: string }) =>
        server.http.post('/oauth/token').auth(app.client_id, app.client_secret).type('form').send({
          grant_type: 'password',
          username: 'admin@example.test',
          password: 'admin-password-123',
        });
      expect((await grant(approved)).status).toBe(200);
      expect((await grant(waiting)).body).toMatchObject({ error: 'unauthorized_client' });
    });
  });

  it('rotates the signing key: a new current key is stored and published', async () => {
    const result = await cli('keys:rotate');
    expect(result.code).toBe(0);
    const kid = /New current signing key: (\S+)/.exec(result.stdout)?.[1];
    expect(kid).toBeTruthy();
    await withServer(async (server) => {
      const jwks = await server.http.get('/.well-known/jwks.json');
      expect((jwks.body as { keys: { kid: string }[] }).keys.map((key) => key.kid)).toContain(kid);
    });
  });
});

import { randomBytes } from 'node:crypto';
import type { TestApp } from './support/test-app';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/** The admin the harness bootstraps from ADMIN_EMAIL/ADMIN_PASSWORD. */
export const HARNESS_ADMIN = { email: 'admin@example.test', password: 'admin-password-123' };

const unique = (): string => randomBytes(6).toString('hex');

/** Signs a new user up through POST /users. */
export async function aUser(
  server: TestApp,
  overrides: { email?: string; password?: string; name?: string } = {},
): Promise<TestUser> {
  const body = { email: `user-${unique()}@example.test`, password: `password-${unique()}`, ...overrides };
  const response = await server.http.post('/users').send(body);
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: (response.body as { id: string }).id, email: body.email, password: body.password };
}

/** The bootstrapped admin (id read from the database). */
export async function anAdmin(server: TestApp): Promise<TestUser> {
  const [row] = await server.dataSource.query<{ id: string }[]>('SELECT id FROM users WHERE email = ?', [
    HARNESS_ADMIN.email,
  ]);
  if (!row) throw new Error('the harness admin was not bootstrapped');
  return { id: row.id, ...HARNESS_ADMIN };
}

/** An access token for the user through the password grant with the portal client. */
export async function signIn(
  server: TestApp,
  user: { email: string; password: string },
  scope?: string,
): Promise<string> {
  const response = await server.http
    .post('/oauth/token')
    .type('form')
    .send({
      grant_type: 'password',
      client_id: server.config.portalClientId,
      username: user.email,
      password: user.password,
      ...(scope ? { scope } : {}),
    });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { access_token: string }).access_token;
}

export interface RegisteredClient {
  client_id: string;
  client_secret?: string;
  name: string;
  grant_types: string[];
  scopes: string[];
  confidential: boolean;
  created_at: string;
}

/** Registers an app through POST /clients as the token's user. */
export async function aClient(
  server: TestApp,
  accessToken: string,
  body: Record<string, unknown> = {},
): Promise<RegisteredClient> {
  const response = await server.http
    .post('/clients')
    .auth(accessToken, { type: 'bearer' })
    .send({ name: `app-${unique()}`, ...body });
  if (response.status !== 201)
    throw new Error(`registration failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as RegisteredClient;
}

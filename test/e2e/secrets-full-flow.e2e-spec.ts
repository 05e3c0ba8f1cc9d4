import { HARNESS_ADMIN } from '../factories';
import { basicAuthorization } from '../support/oauth-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

interface Tokens {
  access_token: string;
  refresh_token?: string;
}

const USER = { email: 'secret-keeper@example.test', password: 'user-password-Zq8vN3xL', name: 'Keeper' };
const WRONG_PASSWORD = 'wrong-password-Hk4mW9pR';
const OTHER_PASSWORD = 'other-password-Jd2sF7tY';

/**
 * Whole values and recognisable fragments: the first 16 characters, and for a JWT the first 16 of each
 * part after the header (the header itself is the same public text for every token).
 */
function fragmentsOf(secret: string): string[] {
  const parts = secret.split('.');
  const fragments = [secret, secret.slice(0, 16)];
  if (parts.length === 3) fragments.push(parts[1].slice(0, 16), parts[2].slice(0, 16));
  return fragments;
}

describe('no password, client secret, refresh token or access token reaches the debug logs or the audit table', () => {
  let server: TestApp;
  const secrets = new Map<string, string>();
  const remember = (label: string, value: string | undefined): string => {
    if (!value) throw new Error(`no ${label}`);
    secrets.set(label, value);
    return value;
  };

  beforeAll(async () => {
    // One app per file: Nest's Logger is process-wide, so a second app's lines could reach this app's stream.
    server = await startTestApp({ RATE_LIMIT_ENABLED: 'false' }, { captureLogs: true });
    remember('user password', USER.password);
    remember('wrong password', WRONG_PASSWORD);
    remember('other password', OTHER_PASSWORD);
    remember('admin password', HARNESS_ADMIN.password);
  });
  afterAll(() => server.close());

  const token = async (form: Record<string, string>, authorization?: string): Promise<Tokens> => {
    const request = server.http.post('/oauth/token').type('form');
    if (authorization) void request.set('authorization', authorization);
    const response = await request.send(form);
    expect(response.status).toBe(200);
    return response.body as Tokens;
  };

  const rememberTokens = (label: string, tokens: Tokens): Tokens => {
    remember(`${label} access token`, tokens.access_token);
    if (tokens.refresh_token) remember(`${label} refresh token`, tokens.refresh_token);
    return tokens;
  };

  it('runs every flow, then finds none of their secrets in the logs or in any column of any audit row', async () => {
    const portal = server.config.portalClientId;
    // Sign-up, and sign-in through the public portal client.
    expect((await server.http.post('/users').send(USER)).status).toBe(201);
    const portalTokens = rememberTokens(
      'portal',
      await token({
        grant_type: 'password',
        client_id: portal,
        username: USER.email,
        password: USER.password,
        scope: 'profile clients:read clients:write contacts.read contacts.write',
      }),
    );
    const bearer = `Bearer ${portalTokens.access_token}`;

    // Client registration and secret rotation.
    const registered = await server.http
      .post('/clients')
      .set('authorization', bearer)
      .send({
        name: 'Secret app',
        grant_types: ['password', 'refresh_token', 'client_credentials'],
        scopes: ['profile', 'contacts.read', 'contacts.write'],
      });
    expect(registered.status).toBe(201);
    const clientId = (registered.body as { client_id: string }).client_id;
    remember('first client secret', (registered.body as { client_secret?: string }).client_secret);
    const rotated = await server.http.post(`/clients/${clientId}/secret`).set('authorization', bearer);
    expect(rotated.status).toBe(200);
    const clientSecret = remember('client secret', (rotated.body as { client_secret?: string }).client_secret);
    const basic = basicAuthorization(clientId, clientSecret);

    // Password grant via Basic and via the body, refresh, client_credentials.
    const viaBasic = rememberTokens(
      'basic',
      await token({ grant_type: 'password', username: USER.email, password: USER.password }, basic),
    );
    const viaBody = rememberTokens(
      'body',
      await token({
        grant_type: 'password',
        username: USER.email,
        password: USER.password,
        client_id: clientId,
        client_secret: clientSecret,
      }),
    );
    const refreshed = rememberTokens(
      'refreshed',
      await token({ grant_type: 'refresh_token', refresh_token: viaBasic.refresh_token! }, basic),
    );
    rememberTokens('client credentials', await token({ grant_type: 'client_credentials' }, basic));
    // A wrong password, a wrong client secret, a JSON body sent as a form.
    const wrong = await server.http
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'password', client_id: portal, username: USER.email, password: WRONG_PASSWORD });
    expect(wrong.status).toBe(400);
    const badSecret = await server.http
      .post('/oauth/token')
      .set('authorization', basicAuthorization(clientId, remember('bad secret', 'bad-client-secret-Qw3rTy9Ui0')))
      .type('form')
      .send({ grant_type: 'client_credentials' });
    expect(badSecret.status).toBe(401);
    const misTyped = await server.http
      .post('/users')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send(JSON.stringify({ email: 'other@example.test', password: OTHER_PASSWORD }));
    expect(misTyped.status).toBe(400);

    // Introspection and revocation.
    const introspected = await server.http
      .post('/oauth/introspect')
      .set('authorization', basic)
      .type('form')
      .send({ token: refreshed.access_token });
    expect(introspected.body).toMatchObject({ active: true });
    const introspectedRefresh = await server.http
      .post('/oauth/introspect')
      .type('form')
      .send({ token: refreshed.refresh_token!, client_id: clientId, client_secret: clientSecret });
    expect(introspectedRefresh.body).toMatchObject({ active: true });
    for (const revoked of [viaBody.refresh_token!, viaBody.access_token]) {
      const response = await server.http
        .post('/oauth/revoke')
        .set('authorization', basic)
        .type('form')
        .send({ token: revoked });
      expect(response.status).toBe(200);
    }

    // The guarded route, with the token in the header and in the form body.
    const inHeader = await server.http
      .post('/api/contacts')
      .set('authorization', `Bearer ${refreshed.access_token}`)
      .send({ name: 'Ada', email: 'ada@example.com' });
    expect(inHeader.status).toBe(201);
    const inBody = await server.http
      .post('/api/contacts')
      .type('form')
      .send({ access_token: refreshed.access_token, name: 'Charles' });
    expect(inBody.status).toBe(201);
    expect((await server.http.get('/api/contacts').set('authorization', bearer)).status).toBe(200);

    // A reused refresh token (its family is revoked).
    const reuse = await server.http
      .post('/oauth/token')
      .set('authorization', basic)
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: viaBasic.refresh_token! });
    expect(reuse.status).toBe(400);

    // Admin actions without the CLI: sign in with the admin scope, disable the user, rotate the keys.
    const admin = rememberTokens(
      'admin',
      await token({
        grant_type: 'password',
        client_id: portal,
        username: HARNESS_ADMIN.email,
        password: HARNESS_ADMIN.password,
        scope: 'admin',
      }),
    );
    const adminBearer = `Bearer ${admin.access_token}`;
    const [user] = await server.dataSource.query<{ id: string }[]>('SELECT id FROM users WHERE email = ?', [
      USER.email,
    ]);
    const disabled = await server.http
      .patch(`/admin/users/${user.id}`)
      .set('authorization', adminBearer)
      .send({ disabled: true });
    expect(disabled.status).toBe(200);
    expect((await server.http.post('/admin/keys/rotate').set('authorization', adminBearer)).status).toBe(200);
    expect((await server.http.get('/admin/audit').set('authorization', adminBearer)).status).toBe(200);

    const logs = server.logs.join('');
    // The run was logged at debug level: every request is there, only the secrets are not.
    expect(server.config.logLevel).toBe('debug');
    expect(logs).toContain('"url":"/oauth/token"');
    expect(logs).toContain('"url":"/admin/keys/rotate"');
    const auditRows = await server.dataSource.query<Record<string, unknown>[]>('SELECT * FROM audit_events');
    expect(auditRows.length).toBeGreaterThan(5);
    const audit = auditRows.map((row) => Object.values(row).map(String).join('\n')).join('\n');

    const found: string[] = [];
    for (const [label, secret] of secrets) {
      for (const fragment of fragmentsOf(secret)) {
        if (logs.includes(fragment)) found.push(`${label} (${fragment}) in the logs`);
        if (audit.includes(fragment)) found.push(`${label} (${fragment}) in the audit table`);
      }
    }
    expect(found).toEqual([]);
  });
});

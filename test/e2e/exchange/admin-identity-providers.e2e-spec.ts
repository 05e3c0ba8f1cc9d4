import { anAdmin, aUser, signIn } from '../../factories';
import { startTestApp, TestApp } from '../../support/test-app';

const APP_SECRET = 'facebook-app-secret-0123456789abcdef';

describe('admin identity providers (/admin/identity-providers)', () => {
  let server: TestApp;
  let adminToken: string;
  let userToken: string;

  beforeAll(async () => {
    server = await startTestApp({ KEY_ENCRYPTION_SECRET: 'a-key-encryption-secret-of-32-characters!' });
    adminToken = await signIn(server, await anAdmin(server), 'admin');
    userToken = await signIn(server, await aUser(server));
  });
  afterAll(() => server.close());

  const post = (body: Record<string, unknown>) =>
    server.http.post('/admin/identity-providers').auth(adminToken, { type: 'bearer' }).send(body);
  const patch = (alias: string, body: Record<string, unknown>) =>
    server.http.patch(`/admin/identity-providers/${alias}`).auth(adminToken, { type: 'bearer' }).send(body);
  const get = (alias: string) =>
    server.http.get(`/admin/identity-providers/${alias}`).auth(adminToken, { type: 'bearer' });

  it('is for admins only', async () => {
    await server.http.get('/admin/identity-providers').expect(401);
    await server.http.get('/admin/identity-providers').auth(userToken, { type: 'bearer' }).expect(403);
    await server.http
      .post('/admin/identity-providers')
      .auth(userToken, { type: 'bearer' })
      .send({ alias: 'nope', type: 'oidc', issuer: 'https://idp.example', audiences: ['app'] })
      .expect(403);
  });

  it('creates, reads, lists, changes and deletes an oidc provider', async () => {
    const created = await post({
      alias: 'google',
      type: 'oidc',
      issuer: 'https://accounts.google.com',
      audiences: ['123-abc.apps.googleusercontent.com'],
    }).expect(201);
    expect(created.body).toEqual({
      alias: 'google',
      type: 'oidc',
      issuer: 'https://accounts.google.com',
      jwks_uri: null,
      audiences: ['123-abc.apps.googleusercontent.com'],
      create_users: false,
      app_id: null,
      has_app_secret: false,
      graph_api_url: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });

    const changed = await patch('google', {
      jwks_uri: 'https://www.googleapis.com/oauth2/v3/certs',
      audiences: ['123-abc.apps.googleusercontent.com', '456-ios.apps.googleusercontent.com'],
      create_users: true,
    }).expect(200);
    expect(changed.body).toMatchObject({
      jwks_uri: 'https://www.googleapis.com/oauth2/v3/certs',
      audiences: ['123-abc.apps.googleusercontent.com', '456-ios.apps.googleusercontent.com'],
      create_users: true,
    });
    expect((await patch('google', { jwks_uri: null }).expect(200)).body.jwks_uri).toBeNull();

    const list = await server.http.get('/admin/identity-providers').auth(adminToken, { type: 'bearer' }).expect(200);
    const { items } = list.body as { items: { alias: string }[] };
    expect(items.map((item) => item.alias)).toContain('google');

    await server.http.delete('/admin/identity-providers/google').auth(adminToken, { type: 'bearer' }).expect(204);
    await get('google').expect(404);
  });

  it('stores a facebook app secret encrypted and never returns or audits it', async () => {
    const created = await post({ alias: 'facebook', type: 'facebook', app_id: '1234567890', app_secret: APP_SECRET });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ has_app_secret: true, graph_api_url: 'https://graph.facebook.com' });
    expect(JSON.stringify(created.body)).not.toContain(APP_SECRET);
    expect(JSON.stringify((await get('facebook').expect(200)).body)).not.toContain(APP_SECRET);

    await patch('facebook', { app_secret: `${APP_SECRET}-rotated` }).expect(200);
    const [row] = await server.dataSource.query<{ app_secret_encrypted: string }[]>(
      'SELECT app_secret_encrypted FROM identity_providers WHERE alias = ?',
      ['facebook'],
    );
    expect(row.app_secret_encrypted).toMatch(/^aes-256-gcm:v1:/);
    expect(row.app_secret_encrypted).not.toContain(APP_SECRET);
    const audit = await server.dataSource.query<{ details: string | null }[]>(
      "SELECT details FROM audit_events WHERE subject = 'facebook'",
    );
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audit)).not.toContain(APP_SECRET);
  });

  it.each([
    [
      'an http issuer while this server is https',
      { alias: 'a1', type: 'oidc', issuer: 'http://idp.example', audiences: ['x'] },
      /https/,
    ],
    ['an oidc provider without audiences', { alias: 'a2', type: 'oidc', issuer: 'https://idp.example' }, /audiences/],
    ['an oidc provider without issuer', { alias: 'a3', type: 'oidc', audiences: ['x'] }, /issuer/],
    ['a facebook provider without secret', { alias: 'a4', type: 'facebook', app_id: '1' }, /app_secret/],
    [
      'a facebook provider with an issuer',
      { alias: 'a5', type: 'facebook', app_id: '1', app_secret: 's', issuer: 'https://x.example' },
      /oidc/,
    ],
    ['an unknown type', { alias: 'a6', type: 'saml', issuer: 'https://idp.example', audiences: ['x'] }, /type/],
    ['a bad alias', { alias: 'Bad Alias', type: 'oidc', issuer: 'https://idp.example', audiences: ['x'] }, /alias/],
    [
      'a jwks_uri with credentials',
      {
        alias: 'a7',
        type: 'oidc',
        issuer: 'https://idp.example',
        jwks_uri: 'https://u:p@idp.example/k',
        audiences: ['x'],
      },
      /credentials/,
    ],
    [
      'a graph_api_url over http',
      { alias: 'a8', type: 'facebook', app_id: '1', app_secret: 's', graph_api_url: 'http://graph.example' },
      /https/,
    ],
  ])('refuses %s with 400', async (_name, body, message) => {
    const response = await post(body).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(JSON.stringify(response.body.message)).toMatch(message);
  });

  it('refuses a taken alias or issuer with 409, and changing alias or type', async () => {
    const body = { alias: 'corp', type: 'oidc', issuer: 'https://idp.corp.example', audiences: ['our-app'] };
    await post(body).expect(201);
    await post(body).expect(409);
    await post({ ...body, alias: 'corp-2' }).expect(409);
    await patch('corp', { alias: 'other' }).expect(400);
    await patch('corp', { type: 'facebook' }).expect(400);
    await patch('nope', { create_users: true }).expect(404);
  });

  it('refuses app secrets when KEY_ENCRYPTION_SECRET is not configured', async () => {
    const plain = await startTestApp();
    try {
      const token = await signIn(plain, await anAdmin(plain), 'admin');
      const response = await plain.http
        .post('/admin/identity-providers')
        .auth(token, { type: 'bearer' })
        .send({ alias: 'facebook', type: 'facebook', app_id: '1', app_secret: APP_SECRET })
        .expect(400);
      expect(response.body.message).toMatch(/KEY_ENCRYPTION_SECRET/);
    } finally {
      await plain.close();
    }
  });
});

import { User } from '../../../src/users/user.entity';
import { aUser, signIn, TestUser } from '../../factories';
import { insertClient } from '../../support/oauth-fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

describe('GET and POST /userinfo (OpenID Connect Core §5.3, RFC 6750)', () => {
  let server: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    server = await startTestApp();
    user = await aUser(server, { name: 'Grace Hopper' });
  });
  afterAll(() => server.close());

  it('GET with the token in the header: sub and the claims of the granted scopes, not cached', async () => {
    const token = await signIn(server, user, 'openid profile email');
    const response = await server.http.get('/userinfo').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({
      sub: user.id,
      name: 'Grace Hopper',
      updated_at: expect.any(Number),
      email: user.email,
      email_verified: false,
    });
  });

  it('POST with the token in a form body (RFC 6750 §2.2)', async () => {
    const token = await signIn(server, user, 'openid email');
    const response = await server.http.post('/userinfo').type('form').send({ access_token: token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ sub: user.id, email: user.email, email_verified: false });
  });

  it('POST with the token in the header and no body', async () => {
    const token = await signIn(server, user, 'openid');
    const response = await server.http.post('/userinfo').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ sub: user.id });
  });

  it('says email_verified true once the address is verified', async () => {
    const verified = await aUser(server);
    await server.dataSource.getRepository(User).update({ id: verified.id }, { emailVerified: true });
    const token = await signIn(server, verified, 'openid email');
    const response = await server.http.get('/userinfo').set('authorization', `Bearer ${token}`);
    expect(response.body).toMatchObject({ sub: verified.id, email_verified: true });
  });

  it.each(['GET', 'POST'] as const)('%s without a token: 401 with a bare Bearer challenge', async (method) => {
    const response = await (method === 'GET' ? server.http.get('/userinfo') : server.http.post('/userinfo'));
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="[^"]+"$/);
  });

  it('a tampered token: 401 invalid_token', async () => {
    const token = await signIn(server, user, 'openid');
    const response = await server.http.get('/userinfo').set('authorization', `Bearer ${token.slice(0, -4)}AAAA`);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('a token without openid: 403 insufficient_scope naming openid', async () => {
    const token = await signIn(server, user, 'profile email');
    const response = await server.http.get('/userinfo').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(403);
    expect(response.headers['www-authenticate']).toContain('error="insufficient_scope"');
    expect(response.headers['www-authenticate']).toContain('scope="openid"');
  });

  it('a client_credentials token with openid stands for no user: 401 invalid_token', async () => {
    const client = await insertClient(server, { confidential: true, scopes: ['openid'] });
    const issued = await server.http.post('/oauth/token').type('form').send({
      grant_type: 'client_credentials',
      scope: 'openid',
      client_id: client.clientId,
      client_secret: client.clientSecret!,
    });
    expect(issued.status).toBe(200);
    const response = await server.http
      .get('/userinfo')
      .set('authorization', `Bearer ${(issued.body as { access_token: string }).access_token}`);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('a disabled user: 401 invalid_token', async () => {
    const disabled = await aUser(server);
    const token = await signIn(server, disabled, 'openid');
    await server.dataSource.getRepository(User).update({ id: disabled.id }, { disabled: true });
    const response = await server.http.get('/userinfo').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
  });
});

import { aClient, anAdmin, aUser, signIn } from '../../factories';
import { startTestApp, TEST_ISSUER, TestApp } from '../../support/test-app';

describe('Clients: redirect_uris and post_logout_redirect_uris', () => {
  let server: TestApp;
  let ownerToken: string;
  let adminToken: string;

  beforeAll(async () => {
    server = await startTestApp();
    ownerToken = await signIn(server, await aUser(server), 'clients:read clients:write');
    adminToken = await signIn(server, await anAdmin(server), 'admin');
  });
  afterAll(() => server.close());

  const register = (body: Record<string, unknown>) =>
    server.http
      .post('/clients')
      .auth(ownerToken, { type: 'bearer' })
      .send({ name: 'Native app', ...body });

  it('registers a code-flow app with its redirect URIs and shows them', async () => {
    const response = await register({
      confidential: false,
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: ['http://127.0.0.1/callback', 'com.example.app:/callback'],
      post_logout_redirect_uris: ['https://app.example.com/signed-out'],
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: ['http://127.0.0.1/callback', 'com.example.app:/callback'],
      post_logout_redirect_uris: ['https://app.example.com/signed-out'],
    });
    const read = await server.http
      .get(`/clients/${(response.body as { client_id: string }).client_id}`)
      .auth(ownerToken, { type: 'bearer' });
    expect(read.body).toMatchObject({ redirect_uris: ['http://127.0.0.1/callback', 'com.example.app:/callback'] });
  });

  it('defaults both lists to empty', async () => {
    const client = await aClient(server, ownerToken);
    expect(client).toMatchObject({ redirect_uris: [], post_logout_redirect_uris: [] });
  });

  it('refuses the authorization_code grant without a redirect URI', async () => {
    const response = await register({ grant_types: ['authorization_code'] });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ message: 'redirect_uris: the authorization_code grant needs at least one' });
  });

  it.each([
    ['https://app.example.com/cb#fragment', 'must not contain a fragment'],
    ['http://app.example.com/cb', 'must use https'],
    ['javascript:alert(1)', 'private-use scheme'],
    ['callback', 'is not an absolute URI'],
  ])('refuses the redirect URI %s', async (uri, reason) => {
    for (const field of ['redirect_uris', 'post_logout_redirect_uris']) {
      const response = await register({ [field]: [uri] });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(JSON.stringify(response.body)).toContain(reason);
    }
  });

  it.each([
    [['x'.repeat(2001)]],
    [Array.from({ length: 11 }, (_, i) => `https://a.example/${i}`)],
    ['https://a.example/'],
    [[1]],
  ])('refuses malformed lists with a validation error', async (value) => {
    const response = await register({ redirect_uris: value });
    expect(response.status).toBe(400);
  });

  it('changes the lists by PATCH, keeping the authorization_code rule', async () => {
    const client = await aClient(server, ownerToken, {
      grant_types: ['authorization_code'],
      redirect_uris: ['https://app.example.com/cb'],
    });
    const patch = (body: Record<string, unknown>) =>
      server.http.patch(`/clients/${client.client_id}`).auth(ownerToken, { type: 'bearer' }).send(body);
    const changed = await patch({
      redirect_uris: ['https://app.example.com/new'],
      post_logout_redirect_uris: ['https://app.example.com/'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      redirect_uris: ['https://app.example.com/new'],
      post_logout_redirect_uris: ['https://app.example.com/'],
    });
    const emptied = await patch({ redirect_uris: [] });
    expect(emptied.status).toBe(400);
    const bad = await patch({ post_logout_redirect_uris: ['http://evil.example/'] });
    expect(bad.status).toBe(400);
  });

  it('lets an admin change them through /admin/clients, by the same rules', async () => {
    const client = await aClient(server, ownerToken);
    const patch = (body: Record<string, unknown>) =>
      server.http.patch(`/admin/clients/${client.client_id}`).auth(adminToken, { type: 'bearer' }).send(body);
    const changed = await patch({ grant_types: ['authorization_code'], redirect_uris: ['http://[::1]/cb'] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ grant_types: ['authorization_code'], redirect_uris: ['http://[::1]/cb'] });
    expect((await patch({ redirect_uris: ['https://a.example/#x'] })).status).toBe(400);
  });

  it('gives the bootstrap portal client the code flow with its and Swagger UI’s callbacks', async () => {
    const response = await server.http
      .get(`/admin/clients/${server.config.portalClientId}`)
      .auth(adminToken, { type: 'bearer' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      first_party: true,
      redirect_uris: [`${TEST_ISSUER}/portal/callback`, `${TEST_ISSUER}/docs/oauth2-redirect.html`],
      post_logout_redirect_uris: [`${TEST_ISSUER}/portal/`],
    });
    expect((response.body as { grant_types: string[] }).grant_types).toContain('authorization_code');
  });
});

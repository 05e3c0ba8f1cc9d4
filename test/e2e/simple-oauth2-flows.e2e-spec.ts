import { ClientCredentials, ResourceOwnerPassword } from 'simple-oauth2';
import { aUser, TestUser } from '../factories';
import { insertClient, TestClient } from '../support/oauth-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** A real OAuth client library, not written here, drives the flows (simple-oauth2, RFC 6749 strict encoding). */
describe('simple-oauth2 against the server', () => {
  let server: TestApp;
  let user: TestUser;
  let client: TestClient;

  beforeAll(async () => {
    server = await startTestApp();
    user = await aUser(server);
    // A secret with characters that RFC 6749 §2.3.1 form-urlencoding changes would also work; ours are base64url.
    client = await insertClient(server);
  });
  afterAll(() => server.close());

  const config = (authorizationMethod: 'header' | 'body') => ({
    client: { id: client.clientId, secret: client.clientSecret! },
    auth: { tokenHost: server.url, tokenPath: '/oauth/token', revokePath: '/oauth/revoke' },
    options: { authorizationMethod },
  });

  it.each(['header', 'body'] as const)(
    'ResourceOwnerPassword (client auth in the %s): sign in, call the API, refresh, revoke everything',
    async (authorizationMethod) => {
      const oauth = new ResourceOwnerPassword(config(authorizationMethod));
      const accessToken = await oauth.getToken({
        username: user.email,
        password: user.password,
        scope: ['profile', 'contacts.read'],
      });
      expect(accessToken.token).toMatchObject({
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'profile contacts.read',
      });
      expect(accessToken.expired()).toBe(false);
      const bearer = accessToken.token.access_token as string;
      expect((await server.http.get('/users/me').auth(bearer, { type: 'bearer' })).status).toBe(200);

      const refreshed = await accessToken.refresh();
      expect(refreshed.token.refresh_token).not.toBe(accessToken.token.refresh_token);
      const newBearer = refreshed.token.access_token as string;
      expect((await server.http.get('/users/me').auth(newBearer, { type: 'bearer' })).status).toBe(200);

      await refreshed.revokeAll();
      expect((await server.http.get('/users/me').auth(newBearer, { type: 'bearer' })).status).toBe(401);
      await expect(refreshed.refresh()).rejects.toMatchObject({
        output: { statusCode: 400 },
        data: { payload: { error: 'invalid_grant' } },
      });
    },
  );

  it('ResourceOwnerPassword: a wrong password is a 400 invalid_grant the library reports', async () => {
    const oauth = new ResourceOwnerPassword(config('header'));
    await expect(oauth.getToken({ username: user.email, password: 'wrong-password' })).rejects.toMatchObject({
      output: { statusCode: 400 },
      data: { payload: { error: 'invalid_grant' } },
    });
  });

  it.each(['header', 'body'] as const)('ClientCredentials (client auth in the %s)', async (authorizationMethod) => {
    const oauth = new ClientCredentials(config(authorizationMethod));
    const accessToken = await oauth.getToken({ scope: 'contacts.read' });
    expect(accessToken.token).toMatchObject({ token_type: 'Bearer', scope: 'contacts.read' });
    expect(accessToken.token.refresh_token).toBeUndefined();
  });

  it('ClientCredentials with a wrong secret: 401 invalid_client', async () => {
    const oauth = new ClientCredentials({ ...config('header'), client: { id: client.clientId, secret: 'wrong' } });
    await expect(oauth.getToken({})).rejects.toMatchObject({
      output: { statusCode: 401 },
      data: { payload: { error: 'invalid_client' } },
    });
  });
});

import { aClient, aUser, signIn, TestUser } from '../../factories';
import { Browser } from '../../support/interaction/browser';
import { authorizePath, codeFlowTokens } from '../../support/interaction/code-flow';
import { startTestApp, TestApp } from '../../support/test-app';

const REDIRECT_URI = 'http://127.0.0.1/callback';

describe('Consents of the signed-in user (GET/DELETE /users/me/consents[/{client_id}])', () => {
  let server: TestApp;
  let developerToken: string;

  beforeAll(async () => {
    server = await startTestApp();
    developerToken = await signIn(server, await aUser(server), 'clients:write');
  });
  afterAll(() => server.close());

  const aCodeClient = async (name: string) =>
    (
      await aClient(server, developerToken, {
        name,
        confidential: false,
        grant_types: ['authorization_code', 'refresh_token'],
        scopes: ['openid', 'profile', 'email'],
        redirect_uris: [REDIRECT_URI],
      })
    ).client_id;

  /** A user who allowed the client through the consent page; the refresh token it got, and a profile token. */
  async function consentingUser(clientIds: string[]): Promise<{ user: TestUser; token: string; refresh: string[] }> {
    const user = await aUser(server);
    const refresh: string[] = [];
    for (const clientId of clientIds) {
      refresh.push((await codeFlowTokens(server, new Browser(server), user, clientId, REDIRECT_URI)).refresh_token);
    }
    return { user, token: await signIn(server, user, 'profile'), refresh };
  }

  const refreshWith = (clientId: string, refreshToken: string) =>
    server.http
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });

  it('lists the apps the user allowed with their scopes, newest first, paginated', async () => {
    const first = await aCodeClient('First app');
    const second = await aCodeClient('Second <app>');
    const { token } = await consentingUser([first, second]);
    const list = await server.http.get('/users/me/consents').auth(token, { type: 'bearer' });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      total: 2,
      items: [
        {
          client_id: second,
          client_name: 'Second <app>',
          scopes: ['openid', 'profile'],
          created_at: expect.any(String),
          updated_at: expect.any(String),
        },
        expect.objectContaining({ client_id: first, client_name: 'First app' }),
      ],
    });
    const page = await server.http.get('/users/me/consents?limit=1&offset=1').auth(token, { type: 'bearer' });
    expect(page.body).toMatchObject({ total: 2, items: [{ client_id: first }] });
    const one = await server.http.get(`/users/me/consents/${first}`).auth(token, { type: 'bearer' });
    expect(one.body).toMatchObject({ client_id: first, scopes: ['openid', 'profile'] });
  });

  it('shows only the caller’s own consents', async () => {
    const clientId = await aCodeClient('Mine');
    await consentingUser([clientId]);
    const stranger = await signIn(server, await aUser(server), 'profile');
    expect((await server.http.get('/users/me/consents').auth(stranger, { type: 'bearer' })).body).toEqual({
      items: [],
      total: 0,
    });
    const other = await server.http.get(`/users/me/consents/${clientId}`).auth(stranger, { type: 'bearer' });
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect((await server.http.delete(`/users/me/consents/${clientId}`).auth(stranger, { type: 'bearer' })).status).toBe(
      404,
    );
  });

  it('revoking one: the app asks again, its refresh tokens for the user end, other apps keep theirs', async () => {
    const revoked = await aCodeClient('Revoked');
    const kept = await aCodeClient('Kept');
    const { user, token, refresh } = await consentingUser([revoked, kept]);
    const response = await server.http.delete(`/users/me/consents/${revoked}`).auth(token, { type: 'bearer' });
    expect(response.status).toBe(204);

    expect((await refreshWith(revoked, refresh[0])).body).toMatchObject({ error: 'invalid_grant' });
    expect((await refreshWith(kept, refresh[1])).status).toBe(200);
    expect((await server.http.get(`/users/me/consents/${revoked}`).auth(token, { type: 'bearer' })).status).toBe(404);
    expect((await server.http.delete(`/users/me/consents/${revoked}`).auth(token, { type: 'bearer' })).status).toBe(
      404,
    );

    const browser = new Browser(server);
    const page = await browser.get(authorizePath(revoked, REDIRECT_URI));
    const again = await browser.submit(page, '/interaction/sign-in', { email: user.email, password: user.password });
    expect(again.status).toBe(200);
    expect(again.text).toContain('value="allow"');
    const audit = await server.dataSource.query<{ client_id: string }[]>(
      "SELECT client_id FROM audit_events WHERE type = 'user.consent_revoked' AND subject = ?",
      [user.id],
    );
    expect(audit).toEqual([{ client_id: revoked }]);
  });

  it('revoking all: every app asks again and every refresh token of theirs ends', async () => {
    const first = await aCodeClient('One');
    const second = await aCodeClient('Two');
    const { token, refresh } = await consentingUser([first, second]);
    expect((await server.http.delete('/users/me/consents').auth(token, { type: 'bearer' })).status).toBe(204);
    expect((await server.http.get('/users/me/consents').auth(token, { type: 'bearer' })).body).toEqual({
      items: [],
      total: 0,
    });
    expect((await refreshWith(first, refresh[0])).body).toMatchObject({ error: 'invalid_grant' });
    expect((await refreshWith(second, refresh[1])).body).toMatchObject({ error: 'invalid_grant' });
  });

  it('needs a bearer token with scope profile', async () => {
    const missing = await server.http.get('/users/me/consents');
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer realm=/);
    const openidOnly = await signIn(server, await aUser(server), 'openid');
    const forbidden = await server.http.delete('/users/me/consents').auth(openidOnly, { type: 'bearer' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers['www-authenticate']).toContain('insufficient_scope');
  });

  it('refuses a bad page with a 400 listing the fields', async () => {
    const { token } = await consentingUser([]);
    const response = await server.http.get('/users/me/consents?limit=0&offset=-1').auth(token, { type: 'bearer' });
    expect(response.status).toBe(400);
    expect(response.body.message).toEqual(expect.arrayContaining([expect.stringContaining('limit')]));
  });
});

import { aClient, anAdmin, aUser, signIn } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';

// Issue #10 item 8: a token outliving its user or its client is refused as invalid_token (401), never
// a 500 from a foreign key, on every route that writes on the user's behalf.
describe('tokens of deleted users and disabled or deleted clients', () => {
  let server: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    server = await startTestApp();
    adminToken = await signIn(server, await anAdmin(server), 'admin profile clients:write');
  });
  afterAll(() => server.close());

  // RFC 6750 §3.1: the error code travels in the WWW-Authenticate challenge.
  const expectInvalidToken = (response: { status: number; headers: Record<string, string> }): void => {
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/error="invalid_token"/);
  };

  it("refuses a deleted user's still-valid token on POST /clients and POST /api/contacts", async () => {
    const user = await aUser(server);
    const token = await signIn(server, user, 'profile clients:write contacts.write');
    const deleted = await server.http.delete(`/admin/users/${user.id}`).auth(adminToken, { type: 'bearer' });
    expect(deleted.status).toBe(204);

    expectInvalidToken(
      await server.http.post('/clients').auth(token, { type: 'bearer' }).send({ name: 'after deletion' }),
    );
    expectInvalidToken(
      await server.http.post('/api/contacts').auth(token, { type: 'bearer' }).send({ name: 'after deletion' }),
    );
  });

  it('refuses the tokens an app issued once an admin disables it, and again once its owner deletes it', async () => {
    const owner = await aUser(server);
    const ownerToken = await signIn(server, owner, 'profile clients:write');
    const app = await aClient(server, ownerToken, { grant_types: ['password'], scopes: ['profile'] });
    const viaApp = async (): Promise<string> => {
      const response = await server.http
        .post('/oauth/token')
        .type('form')
        .auth(app.client_id, app.client_secret ?? '')
        .send({ grant_type: 'password', username: owner.email, password: owner.password, scope: 'profile' });
      expect(response.status).toBe(200);
      return (response.body as { access_token: string }).access_token;
    };

    const first = await viaApp();
    expect((await server.http.get('/users/me').auth(first, { type: 'bearer' })).status).toBe(200);
    const disabled = await server.http
      .patch(`/admin/clients/${app.client_id}`)
      .auth(adminToken, { type: 'bearer' })
      .send({ disabled: true });
    expect(disabled.status).toBe(200);
    expectInvalidToken(await server.http.get('/users/me').auth(first, { type: 'bearer' }));

    const enabled = await server.http
      .patch(`/admin/clients/${app.client_id}`)
      .auth(adminToken, { type: 'bearer' })
      .send({ disabled: false });
    expect(enabled.status).toBe(200);
    const second = await viaApp();
    const removed = await server.http.delete(`/clients/${app.client_id}`).auth(ownerToken, { type: 'bearer' });
    expect(removed.status).toBe(204);
    expectInvalidToken(await server.http.get('/users/me').auth(second, { type: 'bearer' }));
  });
});

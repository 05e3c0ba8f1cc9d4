import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { anAdmin, aUser, signIn } from '../../factories';
import { startFacebookGraphStub, type FacebookGraphStub } from '../../support/facebook-graph-stub';
import {
  ACCESS_TOKEN_TYPE,
  anIdentityProvider,
  KEY_ENCRYPTION_SECRET,
  TOKEN_EXCHANGE,
} from '../../support/federation-fixtures';
import { insertClient, type TestClient } from '../../support/oauth-fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';

const APP_ID = '1234567890';
const APP_SECRET = 'facebook-app-secret-for-the-stub';

describe('federated sign-in with classic Facebook access tokens (Graph API debug_token)', () => {
  let graph: FacebookGraphStub;
  let server: TestApp;
  let app: TestClient;

  beforeAll(async () => {
    graph = await startFacebookGraphStub();
    server = await startTestApp({
      ISSUER: 'http://auth.example.test',
      KEY_ENCRYPTION_SECRET,
      IDP_HTTP_TIMEOUT_MS: '1000',
    });
    const adminToken = await signIn(server, await anAdmin(server), 'admin');
    await anIdentityProvider(server, adminToken, {
      alias: 'facebook',
      type: 'facebook',
      app_id: APP_ID,
      app_secret: APP_SECRET,
      graph_api_url: graph.url,
      create_users: true,
    });
    app = await insertClient(server, {
      confidential: false,
      grantTypes: [TOKEN_EXCHANGE, 'refresh_token'],
      scopes: ['openid', 'profile', 'email'],
    });
  });
  afterAll(async () => {
    await server.close();
    await graph.close();
  });

  const facebookToken = (overrides: Partial<Parameters<FacebookGraphStub['tokens']['set']>[1]> = {}): string => {
    const token = `EAAG${randomUUID().replace(/-/g, '')}`;
    graph.tokens.set(token, {
      appId: APP_ID,
      userId: String(Date.now()) + String(Math.random()).slice(2, 8),
      ...overrides,
    });
    return token;
  };
  const exchange = (subjectToken: string, subjectIssuer = 'facebook') =>
    server.http.post('/oauth/token').type('form').send({
      client_id: app.clientId,
      grant_type: TOKEN_EXCHANGE,
      subject_token: subjectToken,
      subject_token_type: ACCESS_TOKEN_TYPE,
      subject_issuer: subjectIssuer,
    });

  it('asks debug_token with the app token; a Facebook email is never treated as verified, so the identity must be linked', async () => {
    const user = await aUser(server);
    const token = facebookToken({ email: user.email, name: 'Ada' });
    const refused = await exchange(token);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringMatching(/link it first/),
    });
    expect(graph.appTokensSeen).toContain(`${APP_ID}|${APP_SECRET}`);

    const linked = await server.http
      .post('/users/me/identities')
      .auth(await signIn(server, user), { type: 'bearer' })
      .send({ subject_token: token, subject_token_type: ACCESS_TOKEN_TYPE, subject_issuer: 'facebook' });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ provider: 'facebook', email: user.email });

    // An opaque provider token is not single use: the provider decides whether it is still valid.
    const signedIn = await exchange(token);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer' });
    const claims = decodeJwt((signedIn.body as { access_token: string }).access_token);
    expect(claims).toMatchObject({ sub: user.id, amr: ['fed'] });
  });

  it.each([
    ['a token of another Facebook app', { appId: '999' }, /another Facebook app/],
    ['an invalid token', { isValid: false }, /not valid/],
    ['an expired token', { expiresAt: Math.floor(Date.now() / 1000) - 60 }, /expired/],
  ])('refuses %s', async (_name, overrides, description) => {
    const response = await exchange(facebookToken(overrides));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'invalid_grant', error_description: expect.stringMatching(description) });
  });

  it('refuses a token Facebook does not know', async () => {
    const response = await exchange('EAAGunknown');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an unknown subject_issuer with invalid_request', async () => {
    const response = await exchange(facebookToken(), 'myspace');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringMatching(/subject_issuer/),
    });
  });

  it('a slow Graph API gives temporarily_unavailable', async () => {
    graph.delaySeconds = 3;
    try {
      const response = await exchange(facebookToken());
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ error: 'temporarily_unavailable' });
    } finally {
      graph.delaySeconds = 0;
    }
  });
});

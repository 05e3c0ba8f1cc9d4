import { anAdmin, signIn } from '../../factories';
import {
  anIdentityProvider,
  ID_TOKEN_TYPE,
  KEY_ENCRYPTION_SECRET,
  TOKEN_EXCHANGE,
} from '../../support/federation-fixtures';
import { insertClient, type TestClient } from '../../support/oauth-fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  MOBILE_APP_CLIENT_ID,
  startTestOpenIdProvider,
  type TestOpenIdProvider,
} from '../../support/test-openid-provider';

describe('single use of external ID tokens across two instances on one database', () => {
  let op: TestOpenIdProvider;
  let first: TestApp;
  let second: TestApp;
  let app: TestClient;

  beforeAll(async () => {
    op = await startTestOpenIdProvider();
    const env = { ISSUER: 'http://auth.example.test', KEY_ENCRYPTION_SECRET, IDP_HTTP_TIMEOUT_MS: '5000' };
    first = await startTestApp(env);
    second = await startTestApp(env, { database: first.database });
    await anIdentityProvider(first, await signIn(first, await anAdmin(first), 'admin'), {
      alias: 'test-op',
      type: 'oidc',
      issuer: op.issuer,
      audiences: [MOBILE_APP_CLIENT_ID],
      create_users: true,
    });
    app = await insertClient(first, { confidential: false, grantTypes: [TOKEN_EXCHANGE], scopes: ['profile'] });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
    await op.close();
  });

  const exchange = (server: TestApp, idToken: string) =>
    server.http.post('/oauth/token').type('form').send({
      client_id: app.clientId,
      grant_type: TOKEN_EXCHANGE,
      subject_token: idToken,
      subject_token_type: ID_TOKEN_TYPE,
    });
  const idToken = (sub: string) => op.idToken({ sub, email: `${sub}@example.test`, email_verified: true });

  it('a token spent on one instance is refused on the other', async () => {
    const token = await idToken(`one-${Date.now()}`);
    expect((await exchange(first, token)).status).toBe(200);
    const replay = await exchange(second, token);
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringMatching(/used already/),
    });
  });

  it('of two concurrent uses on the two instances, exactly one succeeds', async () => {
    const token = await idToken(`two-${Date.now()}`);
    const statuses = (await Promise.all([exchange(first, token), exchange(second, token)])).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 400]);
  });
});

import { decodeJwt } from 'jose';
import * as openid from 'openid-client';
import { aUser, type TestUser } from '../../factories';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE } from '../../support/federation-fixtures';
import { basicAuthorization, insertClient, type TestClient } from '../../support/oauth-fixtures';
import { startTestApp, TEST_ISSUER, type TestApp } from '../../support/test-app';

describe('token exchange of our own access tokens: downscoping, audience, delegation (RFC 8693)', () => {
  let server: TestApp;
  let user: TestUser;
  let frontend: TestClient;
  let backend: TestClient;
  let userToken: string;
  let relyingParty: openid.Configuration;

  beforeAll(async () => {
    server = await startTestApp();
    user = await aUser(server);
    frontend = await insertClient(server, {
      grantTypes: ['password', TOKEN_EXCHANGE],
      scopes: ['profile', 'contacts.read', 'contacts.write'],
    });
    backend = await insertClient(server, {
      grantTypes: ['client_credentials', TOKEN_EXCHANGE],
      scopes: ['contacts.read', 'contacts.write'],
    });
    const signedIn = await server.http
      .post('/oauth/token')
      .set('authorization', basicAuthorization(frontend.clientId, frontend.clientSecret!))
      .type('form')
      .send({
        grant_type: 'password',
        username: user.email,
        password: user.password,
        scope: 'contacts.read contacts.write',
      });
    userToken = (signedIn.body as { access_token: string }).access_token;
    // openid-client, as a relying party would use it: its generic grant request drives the exchange.
    relyingParty = new openid.Configuration(
      { issuer: TEST_ISSUER, token_endpoint: `${server.url}/oauth/token` },
      backend.clientId,
      undefined,
      openid.ClientSecretBasic(backend.clientSecret),
    );
    openid.allowInsecureRequests(relyingParty);
  });
  afterAll(() => server.close());

  const exchange = (client: TestClient, body: Record<string, string>) =>
    server.http
      .post('/oauth/token')
      .set('authorization', basicAuthorization(client.clientId, client.clientSecret!))
      .type('form')
      .send({ grant_type: TOKEN_EXCHANGE, subject_token: userToken, subject_token_type: ACCESS_TOKEN_TYPE, ...body });

  it('narrows the scope, for the same user, no longer-lived than the subject token (driven by openid-client)', async () => {
    const response = await openid.genericGrantRequest(relyingParty, TOKEN_EXCHANGE, {
      subject_token: userToken,
      subject_token_type: ACCESS_TOKEN_TYPE,
      scope: 'contacts.read',
    });
    expect(response.issued_token_type).toBe(ACCESS_TOKEN_TYPE);
    expect(response.scope).toBe('contacts.read');
    expect(response.refresh_token).toBeUndefined();
    const exchanged = decodeJwt(response.access_token);
    const subject = decodeJwt(userToken);
    expect(exchanged).toMatchObject({ sub: user.id, client_id: backend.clientId, aud: TEST_ISSUER });
    expect(exchanged.exp).toBeLessThanOrEqual(subject.exp!);

    await server.http.get('/api/contacts').auth(response.access_token, { type: 'bearer' }).expect(200);
    const write = await server.http
      .post('/api/contacts')
      .auth(response.access_token, { type: 'bearer' })
      .send({ name: 'x' });
    expect(write.status).toBe(403);
  });

  it('never broader: a scope the subject token lacks is invalid_scope', async () => {
    for (const scope of ['contacts.read profile', 'admin']) {
      const response = await exchange(frontend, { scope });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: 'invalid_scope' });
    }
  });

  it('issues for the audience or resource asked for; such a token is not accepted by this server’s routes', async () => {
    const response = await exchange(backend, { resource: 'https://api.example.test/invoices', audience: 'billing' });
    expect(response.status).toBe(200);
    const { access_token: accessToken } = response.body as { access_token: string };
    expect(decodeJwt(accessToken).aud).toEqual(['https://api.example.test/invoices', 'billing']);
    await server.http.get('/api/contacts').auth(accessToken, { type: 'bearer' }).expect(401);

    const bad = await exchange(backend, { resource: 'not a uri' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'invalid_target' });
  });

  it('with an actor token, the result names the actor in act (delegation)', async () => {
    const actor = await server.http
      .post('/oauth/token')
      .set('authorization', basicAuthorization(backend.clientId, backend.clientSecret!))
      .type('form')
      .send({ grant_type: 'client_credentials', scope: 'contacts.read' });
    const actorToken = (actor.body as { access_token: string }).access_token;
    const response = await exchange(backend, { actor_token: actorToken, actor_token_type: ACCESS_TOKEN_TYPE });
    expect(response.status).toBe(200);
    expect(decodeJwt((response.body as { access_token: string }).access_token)).toMatchObject({
      sub: user.id,
      act: { sub: backend.clientId },
    });

    const untyped = await exchange(backend, { actor_token: actorToken });
    expect(untyped.status).toBe(400);
    expect(untyped.body).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses a subject token that is not ours, and token types it does not issue', async () => {
    const forged = await exchange(backend, { subject_token: `${userToken.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ error: 'invalid_grant' });
    const refresh = await exchange(backend, { requested_token_type: 'urn:ietf:params:oauth:token-type:refresh_token' });
    expect(refresh.status).toBe(400);
    expect(refresh.body).toMatchObject({ error: 'invalid_request' });
  });

  it('a client not allowed the grant gets unauthorized_client', async () => {
    const passwordOnly = await insertClient(server, { grantTypes: ['password'] });
    const response = await exchange(passwordOnly, {});
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'unauthorized_client' });
  });
});

import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Client } from '../../src/clients/client.entity';
import { sha256Hex } from '../../src/common/crypto/secrets';
import { RefreshToken } from '../../src/refresh-tokens/refresh-token.entity';
import { aUser, TestUser } from '../factories';
import { basicAuthorization, insertClient, TestClient } from '../support/oauth-fixtures';
import { startTestApp, TEST_ISSUER, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

interface Tokens {
  access_token: string;
  refresh_token: string;
}

describe('POST /oauth/revoke (RFC 7009) and POST /oauth/introspect (RFC 7662)', () => {
  let server: TestApp;
  let user: TestUser;
  let client: TestClient;
  let otherClient: TestClient;

  beforeAll(async () => {
    server = await startTestApp();
    user = await aUser(server);
    client = await insertClient(server);
    otherClient = await insertClient(server);
  });
  afterAll(() => server.close());

  async function signIn(as: TestClient = client): Promise<Tokens> {
    const response = await server.http.post('/oauth/token').type('form').send({
      grant_type: 'password',
      username: user.email,
      password: user.password,
      scope: 'contacts.read',
      client_id: as.clientId,
      client_secret: as.clientSecret!,
    });
    expect(response.status).toBe(200);
    return response.body as Tokens;
  }

  const revoke = (token: string, as: TestClient = client, extra: Record<string, string> = {}) =>
    server.http
      .post('/oauth/revoke')
      .set('authorization', basicAuthorization(as.clientId, as.clientSecret!))
      .type('form')
      .send({ token, ...extra });

  const introspect = (token: string, as: TestClient = client, extra: Record<string, string> = {}) =>
    server.http
      .post('/oauth/introspect')
      .type('form')
      .send({ token, client_id: as.clientId, client_secret: as.clientSecret!, ...extra });

  const me = (accessToken: string) => server.http.get('/users/me').auth(accessToken, { type: 'bearer' });

  describe('revocation', () => {
    it('an access token: 200, then refused by the resource routes and inactive on introspection; audited', async () => {
      const { access_token } = await signIn();
      const response = await revoke(access_token);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toEqual({});
      expect((await me(access_token)).status).toBe(401);
      expect((await introspect(access_token)).body).toEqual({ active: false });
      const audited = await server.dataSource
        .getRepository(AuditEvent)
        .findBy({ type: 'token.revoked', actorUserId: user.id });
      expect(audited.length).toBeGreaterThan(0);
    });

    it('a refresh token: 200, and its whole family is revoked', async () => {
      const first = await signIn();
      const rotated = await server.http.post('/oauth/token').type('form').send({
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token,
        client_id: client.clientId,
        client_secret: client.clientSecret!,
      });
      const second = rotated.body as Tokens;
      expect((await revoke(second.refresh_token, client, { token_type_hint: 'refresh_token' })).status).toBe(200);
      const row = await server.dataSource
        .getRepository(RefreshToken)
        .findOneByOrFail({ tokenHash: sha256Hex(second.refresh_token) });
      const family = await server.dataSource.getRepository(RefreshToken).findBy({ familyId: row.familyId });
      expect(family).toHaveLength(2);
      expect(family.every((link) => link.revokedAt !== null)).toBe(true);
      const refresh = await server.http.post('/oauth/token').type('form').send({
        grant_type: 'refresh_token',
        refresh_token: second.refresh_token,
        client_id: client.clientId,
        client_secret: client.clientSecret!,
      });
      expect(refresh.body).toMatchObject({ error: 'invalid_grant' });
    });

    it('a wrong token_type_hint still finds the token', async () => {
      const { access_token } = await signIn();
      expect((await revoke(access_token, client, { token_type_hint: 'refresh_token' })).status).toBe(200);
      expect((await me(access_token)).status).toBe(401);
    });

    it('an unknown or malformed token: 200 and nothing happens', async () => {
      for (const token of ['unknown-token', 'a.b.c', 'x'.repeat(5000)]) {
        const response = await revoke(token);
        expect(response.status).toBe(200);
      }
    });

    it("another client's tokens: 200, and both tokens keep working", async () => {
      const { access_token, refresh_token } = await signIn(otherClient);
      expect((await revoke(access_token)).status).toBe(200);
      expect((await revoke(refresh_token)).status).toBe(200);
      expect((await introspect(access_token, otherClient)).body).toMatchObject({ active: true });
      const row = await server.dataSource
        .getRepository(RefreshToken)
        .findOneByOrFail({ tokenHash: sha256Hex(refresh_token) });
      expect(row.revokedAt).toBeNull();
    });

    it('a public client revokes its own tokens by client_id alone', async () => {
      const publicClient = await insertClient(server, {
        confidential: false,
        grantTypes: ['password', 'refresh_token'],
      });
      const signedIn = await server.http.post('/oauth/token').type('form').send({
        grant_type: 'password',
        username: user.email,
        password: user.password,
        scope: 'contacts.read',
        client_id: publicClient.clientId,
      });
      const { access_token } = signedIn.body as Tokens;
      const response = await server.http
        .post('/oauth/revoke')
        .type('form')
        .send({ token: access_token, client_id: publicClient.clientId });
      expect(response.status).toBe(200);
      expect((await me(access_token)).status).toBe(401);
    });

    it('invalid_request without a token; invalid_client with bad credentials', async () => {
      const missing = await server.http
        .post('/oauth/revoke')
        .type('form')
        .send({ client_id: client.clientId, client_secret: client.clientSecret! });
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({ error: 'invalid_request' });
      expect(missing.headers['cache-control']).toBe('no-store');
      const bad = await server.http
        .post('/oauth/revoke')
        .set('authorization', basicAuthorization(client.clientId, 'wrong'))
        .type('form')
        .send({ token: 'x' });
      expect(bad.status).toBe(401);
      expect(bad.body).toMatchObject({ error: 'invalid_client' });
      expect(bad.headers['www-authenticate']).toMatch(/^Basic /);
    });
  });

  describe('introspection', () => {
    it("an active access token of the caller: every RFC 7662 member, the user's email as username", async () => {
      const { access_token } = await signIn();
      const response = await introspect(access_token, client, { token_type_hint: 'access_token' });
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toEqual({
        active: true,
        scope: 'contacts.read',
        client_id: client.clientId,
        username: user.email,
        token_type: 'Bearer',
        exp: expect.any(Number),
        iat: expect.any(Number),
        sub: user.id,
        aud: TEST_ISSUER,
        iss: TEST_ISSUER,
        jti: expect.any(String),
      });
      const body = response.body as { exp: number; iat: number };
      expect(body.exp - body.iat).toBe(3600);
    });

    it('an active refresh token of the caller, found even with the wrong hint', async () => {
      const { refresh_token } = await signIn();
      const response = await introspect(refresh_token, client, { token_type_hint: 'access_token' });
      expect(response.body).toMatchObject({
        active: true,
        scope: 'contacts.read',
        client_id: client.clientId,
        username: user.email,
        token_type: 'refresh_token',
        sub: user.id,
        iss: TEST_ISSUER,
        exp: expect.any(Number),
        iat: expect.any(Number),
      });
    });

    it('a spent (rotated) refresh token is inactive', async () => {
      const { refresh_token } = await signIn();
      await server.http.post('/oauth/token').type('form').send({
        grant_type: 'refresh_token',
        refresh_token,
        client_id: client.clientId,
        client_secret: client.clientSecret!,
      });
      expect((await introspect(refresh_token)).body).toEqual({ active: false });
    });

    it("unknown tokens and another client's tokens: {active: false}", async () => {
      const others = await signIn(otherClient);
      for (const token of ['unknown', 'a.b.c', others.access_token, others.refresh_token]) {
        const response = await introspect(token);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({ active: false });
      }
    });

    it("a client with the introspect capability sees other clients' tokens", async () => {
      const resourceServer = await insertClient(server, { canIntrospect: true });
      const { access_token, refresh_token } = await signIn(otherClient);
      expect((await introspect(access_token, resourceServer)).body).toMatchObject({
        active: true,
        client_id: otherClient.clientId,
      });
      expect((await introspect(refresh_token, resourceServer)).body).toMatchObject({
        active: true,
        client_id: otherClient.clientId,
      });
    });

    it('an expired access token is inactive', async () => {
      const shortLived = await insertClient(server, { accessTokenTtlSeconds: 1 });
      const { access_token } = await signIn(shortLived);
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      expect((await introspect(access_token, shortLived)).body).toEqual({ active: false });
    });

    it('a client_credentials token: sub is the client, no username', async () => {
      const response = await server.http.post('/oauth/token').type('form').send({
        grant_type: 'client_credentials',
        scope: 'contacts.read',
        client_id: client.clientId,
        client_secret: client.clientSecret!,
      });
      const body = (await introspect((response.body as Tokens).access_token)).body as Record<string, unknown>;
      expect(body).toMatchObject({ active: true, sub: client.clientId, client_id: client.clientId });
      expect(body).not.toHaveProperty('username');
    });

    it('invalid_client: public clients may not introspect (401)', async () => {
      const publicClient = await insertClient(server, { confidential: false });
      const response = await server.http
        .post('/oauth/introspect')
        .type('form')
        .send({ token: 'x', client_id: publicClient.clientId });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: 'invalid_client' });
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('invalid_client: no client authentication, with the Basic challenge when Basic failed', async () => {
      expect((await server.http.post('/oauth/introspect').type('form').send({ token: 'x' })).status).toBe(401);
      const basic = await server.http
        .post('/oauth/introspect')
        .set('authorization', basicAuthorization(client.clientId, 'wrong'))
        .type('form')
        .send({ token: 'x' });
      expect(basic.status).toBe(401);
      expect(basic.headers['www-authenticate']).toMatch(/^Basic /);
    });

    it('invalid_request: a missing token', async () => {
      const response = await server.http
        .post('/oauth/introspect')
        .type('form')
        .send({ client_id: client.clientId, client_secret: client.clientSecret! });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: 'invalid_request' });
    });

    it('a disabled client cannot introspect', async () => {
      const soonDisabled = await insertClient(server);
      await server.dataSource.getRepository(Client).update({ id: soonDisabled.client.id }, { disabled: true });
      expect((await introspect('x', soonDisabled)).status).toBe(401);
    });
  });
});

describe('revocation across instances', () => {
  it('an access token revoked on one instance is refused by another within the refresh interval', async () => {
    const database = await createTestDatabase();
    const first = await startTestApp({}, { database });
    const second = await startTestApp({}, { database });
    try {
      const client = await insertClient(first);
      const user = await aUser(first);
      const issued = await first.http.post('/oauth/token').type('form').send({
        grant_type: 'password',
        username: user.email,
        password: user.password,
        scope: 'profile',
        client_id: client.clientId,
        client_secret: client.clientSecret!,
      });
      const { access_token } = issued.body as Tokens;
      expect((await second.http.get('/users/me').auth(access_token, { type: 'bearer' })).status).toBe(200);
      await first.http
        .post('/oauth/revoke')
        .type('form')
        .send({ token: access_token, client_id: client.clientId, client_secret: client.clientSecret! });
      expect((await first.http.get('/users/me').auth(access_token, { type: 'bearer' })).status).toBe(401);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect((await second.http.get('/users/me').auth(access_token, { type: 'bearer' })).status).toBe(401);
    } finally {
      await first.close();
      await second.close();
      await database.drop();
    }
  });
});

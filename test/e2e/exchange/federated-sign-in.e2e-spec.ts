import { createPublicKey, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { anAdmin, aUser, signIn } from '../../factories';
import {
  ACCESS_TOKEN_TYPE,
  addressFailures,
  anIdentityProvider,
  foreignJwk,
  hmacWithPublicKey,
  ID_TOKEN_TYPE,
  JWT_BEARER,
  JWT_TYPE,
  KEY_ENCRYPTION_SECRET,
  signedJwt,
  TOKEN_EXCHANGE,
  unsignedJwt,
} from '../../support/federation-fixtures';
import { insertClient, type TestClient } from '../../support/oauth-fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  MOBILE_APP_CLIENT_ID,
  OTHER_APP_CLIENT_ID,
  startTestOpenIdProvider,
  type TestOpenIdProvider,
} from '../../support/test-openid-provider';

const LINK_FIRST = /link it first/;

describe('federated sign-in: token exchange and jwt-bearer with an OpenID provider', () => {
  let op: TestOpenIdProvider;
  let server: TestApp;
  let adminToken: string;
  let app: TestClient;
  let hanging: Server;

  beforeAll(async () => {
    op = await startTestOpenIdProvider();
    // A provider that accepts connections and never answers: the slow case.
    hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    server = await startTestApp({
      ISSUER: 'http://auth.example.test',
      KEY_ENCRYPTION_SECRET,
      IDP_HTTP_TIMEOUT_MS: '5000',
    });
    adminToken = await signIn(server, await anAdmin(server), 'admin');
    await anIdentityProvider(server, adminToken, {
      alias: 'test-op',
      type: 'oidc',
      issuer: op.issuer,
      audiences: [MOBILE_APP_CLIENT_ID],
      create_users: true,
    });
    app = await insertClient(server, {
      confidential: false,
      grantTypes: [TOKEN_EXCHANGE, JWT_BEARER, 'bearer', 'refresh_token'],
      scopes: ['openid', 'profile', 'email', 'contacts.read'],
    });
  });
  afterAll(async () => {
    await server.close();
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
    await op.close();
  });

  const token = (body: Record<string, string>) =>
    server.http
      .post('/oauth/token')
      .type('form')
      .send({ client_id: app.clientId, ...body });
  const exchange = (subjectToken: string, extra: Record<string, string> = {}) =>
    token({ grant_type: TOKEN_EXCHANGE, subject_token: subjectToken, subject_token_type: ID_TOKEN_TYPE, ...extra });
  const fresh = () => `user-${randomUUID()}`;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({
    iss: op.issuer,
    aud: MOBILE_APP_CLIENT_ID,
    sub: fresh(),
    iat: now(),
    exp: now() + 300,
    ...extra,
  });
  const expectRefused = (response: { status: number; body: unknown }, pattern?: RegExp): void => {
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
    if (pattern) expect((response.body as { error_description: string }).error_description).toMatch(pattern);
  };

  it('creates a user for an unknown identity with a verified, unused email, then signs the identity in again', async () => {
    const sub = fresh();
    const email = `${sub}@example.test`;
    const first = await exchange(await op.idToken({ sub, email, email_verified: true, name: 'Ada' }), {
      scope: 'openid email contacts.read',
    });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.body).toEqual({
      access_token: expect.any(String),
      issued_token_type: ACCESS_TOKEN_TYPE,
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.any(String),
      scope: 'openid email contacts.read',
      id_token: expect.any(String),
      id_token_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    });
    const body = first.body as { access_token: string; id_token: string };
    const access = decodeJwt(body.access_token);
    expect(access.amr).toEqual(['fed']);
    expect(decodeJwt(body.id_token)).toMatchObject({ sub: access.sub, amr: ['fed'], email, email_verified: true });
    const [user] = await server.dataSource.query<{ email: string; email_verified: number | boolean }[]>(
      'SELECT email, email_verified FROM users WHERE id = ?',
      [access.sub],
    );
    expect(user.email).toBe(email);
    expect(Boolean(user.email_verified)).toBe(true);

    const again = await exchange(await op.idToken({ sub, email, email_verified: true }));
    expect(again.status).toBe(200);
    expect(decodeJwt((again.body as { access_token: string }).access_token).sub).toBe(access.sub);
  });

  it('refuses a replayed ID token, audits the reason without the token, and counts it against the address', async () => {
    const idToken = await op.idToken({ sub: fresh(), email: `${fresh()}@example.test`, email_verified: true });
    expect((await exchange(idToken)).status).toBe(200);
    const before = await addressFailures(server, '127.0.0.1');
    expectRefused(await exchange(idToken), /used already/);
    expect(await addressFailures(server, '127.0.0.1')).toBe(before + 1);
    const rows = await server.dataSource.query<{ details: string }[]>(
      "SELECT details FROM audit_events WHERE type = 'user.signin_failed' AND details LIKE '%replayed%'",
    );
    expect(rows.length).toBeGreaterThan(0);
    const everything = JSON.stringify(await server.dataSource.query('SELECT * FROM audit_events'));
    expect(everything).not.toContain(idToken.split('.')[2]);
  });

  it('refuses a token the provider issued to another app (the confused deputy)', async () => {
    const idToken = await op.idToken(
      { sub: fresh(), email: `${fresh()}@example.test`, email_verified: true },
      OTHER_APP_CLIENT_ID,
    );
    expectRefused(await exchange(idToken), /another audience/);
  });

  it('refuses a signature by a key the provider never published', async () => {
    expectRefused(await exchange(await signedJwt(await foreignJwk(op.privateJwk.kid), claims())), /signature/);
  });

  it('refuses alg none and HS256 keyed with the provider’s public key', async () => {
    expectRefused(await exchange(unsignedJwt(claims())));
    const publicPem = createPublicKey({ key: op.privateJwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    expectRefused(await exchange(hmacWithPublicKey(publicPem.toString(), op.privateJwk.kid, claims())), /algorithm/);
  });

  it('refuses expired and not-yet-valid tokens, and one issued in the future', async () => {
    expectRefused(
      await exchange(await signedJwt(op.privateJwk, claims({ iat: now() - 600, exp: now() - 120 }))),
      /expired/,
    );
    expectRefused(await exchange(await signedJwt(op.privateJwk, claims({ nbf: now() + 600 }))), /not valid yet/);
    expectRefused(await exchange(await signedJwt(op.privateJwk, claims({ iat: now() + 600, exp: now() + 900 }))));
  });

  it('refuses an unknown issuer, and an unknown subject_issuer with invalid_request', async () => {
    const stranger = { ...op.privateJwk };
    expectRefused(
      await exchange(await signedJwt(stranger, claims({ iss: 'https://stranger.example' }))),
      /configured identity provider/,
    );
    const response = await token({
      grant_type: TOKEN_EXCHANGE,
      subject_token: 'opaque-token',
      subject_token_type: ACCESS_TOKEN_TYPE,
      subject_issuer: 'nobody',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_request' });
  });

  it('never links a verified email of an existing account by itself', async () => {
    const existing = await aUser(server);
    const response = await exchange(await op.idToken({ sub: fresh(), email: existing.email, email_verified: true }));
    expectRefused(response, LINK_FIRST);
    const [{ count }] = await server.dataSource.query<{ count: number }[]>(
      'SELECT COUNT(*) AS count FROM external_identities WHERE user_id = ?',
      [existing.id],
    );
    expect(Number(count)).toBe(0);
  });

  it('refuses an unverified email, and any unknown identity while creation is disabled', async () => {
    expectRefused(
      await exchange(await op.idToken({ sub: fresh(), email: `${fresh()}@example.test`, email_verified: false })),
      LINK_FIRST,
    );
    await server.http
      .patch('/admin/identity-providers/test-op')
      .auth(adminToken, { type: 'bearer' })
      .send({ create_users: false })
      .expect(200);
    try {
      expectRefused(
        await exchange(await op.idToken({ sub: fresh(), email: `${fresh()}@example.test`, email_verified: true })),
        LINK_FIRST,
      );
    } finally {
      await server.http
        .patch('/admin/identity-providers/test-op')
        .auth(adminToken, { type: 'bearer' })
        .send({ create_users: true })
        .expect(200);
    }
  });

  it('links an identity from a signed-in account, then that identity signs the account in', async () => {
    const user = await aUser(server);
    const userToken = await signIn(server, user);
    const sub = fresh();
    const linked = await server.http
      .post('/users/me/identities')
      .auth(userToken, { type: 'bearer' })
      .send({
        subject_token: await op.idToken({ sub, email: user.email, email_verified: false }),
        subject_token_type: ID_TOKEN_TYPE,
      });
    expect(linked.status).toBe(201);
    expect(linked.body).toEqual({
      id: expect.any(String),
      provider: 'test-op',
      subject: sub,
      email: user.email,
      created_at: expect.any(String),
    });

    const signedIn = await exchange(await op.idToken({ sub }));
    expect(signedIn.status).toBe(200);
    expect(decodeJwt((signedIn.body as { access_token: string }).access_token).sub).toBe(user.id);

    const other = await signIn(server, await aUser(server));
    const taken = await server.http
      .post('/users/me/identities')
      .auth(other, { type: 'bearer' })
      .send({ subject_token: await op.idToken({ sub }), subject_token_type: ID_TOKEN_TYPE });
    expect(taken.status).toBe(409);

    const list = await server.http.get('/users/me/identities').auth(userToken, { type: 'bearer' }).expect(200);
    expect(list.body).toHaveLength(1);
    const { id } = linked.body as { id: string };
    await server.http.delete(`/users/me/identities/${id}`).auth(other, { type: 'bearer' }).expect(404);
    await server.http.delete(`/users/me/identities/${id}`).auth(userToken, { type: 'bearer' }).expect(204);
    expectRefused(await exchange(await op.idToken({ sub })), LINK_FIRST);
  });

  it('jwt-bearer (RFC 7523): an assertion signs in once; its jti cannot be replayed', async () => {
    const sub = fresh();
    const assertion = await signedJwt(
      op.privateJwk,
      claims({ sub, jti: randomUUID(), email: `${sub}@example.test`, email_verified: true }),
    );
    const first = await token({ grant_type: JWT_BEARER, assertion, scope: 'profile' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'Bearer', scope: 'profile' });
    expectRefused(await token({ grant_type: JWT_BEARER, assertion, scope: 'profile' }), /used already/);
  });

  it('grant_type=bearer is an alias of token exchange', async () => {
    const sub = fresh();
    const response = await token({
      grant_type: 'bearer',
      subject_token: await op.idToken({ sub, email: `${sub}@example.test`, email_verified: true }),
      subject_token_type: JWT_TYPE,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ issued_token_type: ACCESS_TOKEN_TYPE });
  });

  it('a dead or slow provider gives temporarily_unavailable, never a hang or a 500', async () => {
    const deadPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const slowIssuer = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    const deadIssuer = `http://127.0.0.1:${deadPort}`;
    await anIdentityProvider(server, adminToken, {
      alias: 'dead-op',
      type: 'oidc',
      issuer: deadIssuer,
      audiences: ['x'],
    });
    await anIdentityProvider(server, adminToken, {
      alias: 'slow-op',
      type: 'oidc',
      issuer: slowIssuer,
      audiences: ['x'],
      jwks_uri: `${slowIssuer}/jwks`,
    });
    for (const iss of [deadIssuer, slowIssuer]) {
      const response = await exchange(await signedJwt(op.privateJwk, claims({ iss, aud: 'x' })));
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) });
    }
  });
});

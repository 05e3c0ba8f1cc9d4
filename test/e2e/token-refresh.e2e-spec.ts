import { AuditEvent } from '../../src/audit/audit-event.entity';
import { sha256Hex } from '../../src/common/crypto/secrets';
import { RefreshToken } from '../../src/refresh-tokens/refresh-token.entity';
import { RefreshTokensService } from '../../src/tokens/refresh-tokens.service';
import { User } from '../../src/users/user.entity';
import { aUser, TestUser } from '../factories';
import { basicAuthorization, insertClient, TestClient } from '../support/oauth-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

interface Tokens {
  access_token: string;
  refresh_token: string;
  scope: string;
}

describe('POST /oauth/token grant_type=refresh_token', () => {
  let server: TestApp;
  let client: TestClient;

  beforeAll(async () => {
    server = await startTestApp();
    client = await insertClient(server);
  });
  afterAll(() => server.close());

  const asClient = (other: TestClient = client) => ({ client_id: other.clientId, client_secret: other.clientSecret! });

  async function signIn(
    user: TestUser,
    scope = 'contacts.read contacts.write',
    other: TestClient = client,
  ): Promise<Tokens> {
    const response = await server.http
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'password', username: user.email, password: user.password, scope, ...asClient(other) });
    expect(response.status).toBe(200);
    return response.body as Tokens;
  }

  const refresh = (refreshToken: string, extra: Record<string, string> = {}, other: TestClient = client) =>
    server.http
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: refreshToken, ...asClient(other), ...extra });

  const rowOf = (token: string) =>
    server.dataSource.getRepository(RefreshToken).findOneByOrFail({ tokenHash: sha256Hex(token) });

  it('rotates: a new refresh token and access token, the same scopes, the old token marked used', async () => {
    const first = await signIn(await aUser(server));
    const response = await refresh(first.refresh_token);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const second = response.body as Tokens;
    expect(second).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'contacts.read contacts.write' });
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const [old, next] = [await rowOf(first.refresh_token), await rowOf(second.refresh_token)];
    expect(old.usedAt).not.toBeNull();
    expect(next).toMatchObject({ familyId: old.familyId, parentId: old.id, usedAt: null });
  });

  it('stores only the SHA-256 hash of refresh tokens', async () => {
    const { refresh_token } = await signIn(await aUser(server));
    const rows = await server.dataSource.query<{ token_hash: string }[]>('SELECT token_hash FROM refresh_tokens');
    expect(JSON.stringify(rows)).not.toContain(refresh_token);
    expect(rows.map((row) => row.token_hash)).toContain(sha256Hex(refresh_token));
  });

  it('accepts a narrower scope', async () => {
    const { refresh_token } = await signIn(await aUser(server));
    const response = await refresh(refresh_token, { scope: 'contacts.read' });
    expect(response.status).toBe(200);
    expect((response.body as Tokens).scope).toBe('contacts.read');
  });

  it('invalid_scope: a broader scope than the original grant', async () => {
    const { refresh_token } = await signIn(await aUser(server), 'contacts.read');
    const response = await refresh(refresh_token, { scope: 'contacts.read contacts.write' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_scope' });
  });

  it('invalid_grant: reuse of a spent refresh token revokes the whole family and is audited', async () => {
    const user = await aUser(server);
    const first = await signIn(user);
    const second = (await refresh(first.refresh_token)).body as Tokens;

    const reuse = await refresh(first.refresh_token);
    expect(reuse.status).toBe(400);
    expect(reuse.body).toMatchObject({ error: 'invalid_grant' });
    expect(reuse.headers['cache-control']).toBe('no-store');

    // The legitimate holder's newer token dies with the family.
    const afterReuse = await refresh(second.refresh_token);
    expect(afterReuse.status).toBe(400);
    expect(afterReuse.body).toMatchObject({ error: 'invalid_grant' });
    const family = await server.dataSource
      .getRepository(RefreshToken)
      .findBy({ familyId: (await rowOf(first.refresh_token)).familyId });
    expect(family.every((row) => row.revokedAt !== null)).toBe(true);
    const audited = await server.dataSource
      .getRepository(AuditEvent)
      .findBy({ type: 'token.refresh_reused', actorUserId: user.id });
    expect(audited).toHaveLength(1);
  });

  it("invalid_grant: another client's refresh token", async () => {
    const { refresh_token } = await signIn(await aUser(server));
    const other = await insertClient(server);
    const response = await refresh(refresh_token, {}, other);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_grant' });
    // It stays usable by its own client.
    expect((await refresh(refresh_token)).status).toBe(200);
  });

  it('invalid_grant: an expired refresh token', async () => {
    const { refresh_token } = await signIn(await aUser(server));
    await server.dataSource
      .getRepository(RefreshToken)
      .update({ tokenHash: sha256Hex(refresh_token) }, { expiresAt: new Date(Date.now() - 1000) });
    const response = await refresh(refresh_token);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('invalid_grant: an unknown refresh token; invalid_request: a missing one', async () => {
    expect((await refresh('not-a-refresh-token')).body).toMatchObject({ error: 'invalid_grant' });
    const missing = await server.http
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'refresh_token', ...asClient() });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: 'invalid_request' });
  });

  it('invalid_grant: the user was disabled after sign-in', async () => {
    const user = await aUser(server);
    const { refresh_token } = await signIn(user);
    await server.dataSource.getRepository(User).update({ id: user.id }, { disabled: true });
    const response = await refresh(refresh_token);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('uses the client override of the refresh-token lifetime', async () => {
    const shortLived = await insertClient(server, { refreshTokenTtlSeconds: 600 });
    const { refresh_token } = await signIn(await aUser(server), 'profile', shortLived);
    const row = await rowOf(refresh_token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(590_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThan(610_000);
  });

  it('50 concurrent refreshes of one token: exactly one 200, the others invalid_grant', async () => {
    const { refresh_token } = await signIn(await aUser(server));
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        server.http
          .post('/oauth/token')
          .set('authorization', basicAuthorization(client.clientId, client.clientSecret!))
          .type('form')
          .send({ grant_type: 'refresh_token', refresh_token }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 400)).toHaveLength(49);
    expect(
      responses.filter((r) => r.status === 400).every((r) => (r.body as { error: string }).error === 'invalid_grant'),
    ).toBe(true);
  });
});

describe('refresh-token rotation across instances', () => {
  it('the conditional update alone decides: 20 concurrent rotations of one row, one winner', async () => {
    const server = await startTestApp();
    try {
      const client = await insertClient(server);
      const user = await aUser(server);
      const issued = await server.http.post('/oauth/token').type('form').send({
        grant_type: 'password',
        username: user.email,
        password: user.password,
        client_id: client.clientId,
        client_secret: client.clientSecret!,
      });
      const row = await server.dataSource
        .getRepository(RefreshToken)
        .findOneByOrFail({ tokenHash: sha256Hex((issued.body as Tokens).refresh_token) });
      const service = server.app.get(RefreshTokensService);
      // Every call starts from the same unspent snapshot, as concurrent requests that passed the first read would.
      const results = await Promise.all(
        Array.from({ length: 20 }, () => service.rotate(row, client.client, row.scope)),
      );
      expect(results.filter((result) => result !== undefined)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('50 concurrent refreshes of one token spread over two instances on one database: exactly one 200', async () => {
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
        client_id: client.clientId,
        client_secret: client.clientSecret!,
      });
      const { refresh_token } = issued.body as Tokens;
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          (index % 2 === 0 ? first : second).http.post('/oauth/token').type('form').send({
            grant_type: 'refresh_token',
            refresh_token,
            client_id: client.clientId,
            client_secret: client.clientSecret!,
          }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 400)).toHaveLength(49);
    } finally {
      await first.close();
      await second.close();
      await database.drop();
    }
  });
});

describe('tokens survive an application restart on the same database', () => {
  it('a refresh token and an access token issued before the restart still work after it', async () => {
    const database = await createTestDatabase();
    try {
      const before = await startTestApp({}, { database });
      const client = await insertClient(before);
      const user = await aUser(before);
      const issued = await before.http.post('/oauth/token').type('form').send({
        grant_type: 'password',
        username: user.email,
        password: user.password,
        scope: 'profile',
        client_id: client.clientId,
        client_secret: client.clientSecret!,
      });
      expect(issued.status).toBe(200);
      await before.close();

      const after = await startTestApp({}, { database });
      try {
        const { access_token, refresh_token } = issued.body as Tokens;
        expect((await after.http.get('/users/me').auth(access_token, { type: 'bearer' })).status).toBe(200);
        const refreshed = await after.http.post('/oauth/token').type('form').send({
          grant_type: 'refresh_token',
          refresh_token,
          client_id: client.clientId,
          client_secret: client.clientSecret!,
        });
        expect(refreshed.status).toBe(200);
        const jwks = (await after.http.get('/.well-known/jwks.json')).body as { keys: unknown[] };
        expect(jwks.keys).toHaveLength(1);
      } finally {
        await after.close();
      }
    } finally {
      await database.drop();
    }
  });
});

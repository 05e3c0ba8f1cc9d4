import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { aClient, aUser, signIn } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';

interface GeneratedToken {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

const ALL_GRANTS = ['password', 'refresh_token', 'client_credentials'];

describe('developer portal: Generate token (POST /clients/{client_id}/tokens)', () => {
  let server: TestApp;
  let ownerId: string;
  let ownerToken: string;
  let strangerToken: string;

  beforeAll(async () => {
    server = await startTestApp();
    const owner = await aUser(server);
    ownerId = owner.id;
    ownerToken = await signIn(server, owner);
    strangerToken = await signIn(server, await aUser(server));
  });
  afterAll(() => server.close());

  const generate = (clientId: string, token: string, body?: Record<string, unknown>) => {
    const request = server.http.post(`/clients/${clientId}/tokens`).auth(token, { type: 'bearer' });
    return body === undefined ? request : request.send(body);
  };

  const verify = async (token: string) => {
    const jwks = (await server.http.get('/.well-known/jwks.json')).body as JSONWebKeySet;
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: server.config.issuer });
    return payload;
  };

  it('gives the owner a short-lived client_credentials token for the app, not cached, and audits it', async () => {
    const app = await aClient(server, ownerToken, { grant_types: ALL_GRANTS, scopes: ['profile', 'contacts.read'] });
    const response = await generate(app.client_id, ownerToken);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.body as GeneratedToken;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBeGreaterThan(0);
    expect(body.expires_in).toBeLessThanOrEqual(600);

    const claims = await verify(body.access_token);
    // RFC 9068 §2.2 for client_credentials: the subject is the client itself.
    expect(claims).toMatchObject({ sub: app.client_id, client_id: app.client_id, scope: body.scope });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(body.expires_in);

    const events = await server.dataSource.query<{ actor_user_id: string; subject: string }[]>(
      'SELECT actor_user_id, subject FROM audit_events WHERE type = ? AND client_id = ?',
      ['client.token_generated', app.client_id],
    );
    expect(events).toEqual([{ actor_user_id: ownerId, subject: app.client_id }]);
    expect(JSON.stringify(events)).not.toContain(body.access_token);
  });

  it('grants the scopes asked for when the app holds them, and refuses others in the API error shape', async () => {
    const app = await aClient(server, ownerToken, { grant_types: ALL_GRANTS, scopes: ['profile', 'contacts.read'] });
    const narrow = await generate(app.client_id, ownerToken, { scopes: ['contacts.read'] });
    expect(narrow.status).toBe(200);
    expect((narrow.body as GeneratedToken).scope).toBe('contacts.read');

    const broad = await generate(app.client_id, ownerToken, { scopes: ['contacts.write'] });
    expect(broad.status).toBe(400);
    expect(broad.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect((broad.body as { message: string }).message).toContain('contacts.write');

    const malformed = await generate(app.client_id, ownerToken, { scopes: 'profile' });
    expect(malformed.status).toBe(400);
  });

  it('refuses public apps and apps without the client_credentials grant', async () => {
    const publicApp = await aClient(server, ownerToken, { confidential: false });
    const refusedPublic = await generate(publicApp.client_id, ownerToken);
    expect(refusedPublic.status).toBe(400);
    expect((refusedPublic.body as { message: string }).message).toMatch(/public/);

    const passwordOnly = await aClient(server, ownerToken, { grant_types: ['password'] });
    const refusedGrant = await generate(passwordOnly.client_id, ownerToken);
    expect(refusedGrant.status).toBe(400);
    expect((refusedGrant.body as { message: string }).message).toMatch(/client_credentials/);
  });

  it('is 404 for another user’s app or no app, and needs clients:write', async () => {
    const app = await aClient(server, ownerToken, { grant_types: ALL_GRANTS });
    expect((await generate(app.client_id, strangerToken)).status).toBe(404);
    expect((await generate('no-such-app', ownerToken)).status).toBe(404);
    const readOnly = await signIn(server, await aUser(server), 'clients:read');
    const forbidden = await generate(app.client_id, readOnly);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers['www-authenticate']).toContain('insufficient_scope');
    expect((await server.http.post(`/clients/${app.client_id}/tokens`)).status).toBe(401);
  });
});

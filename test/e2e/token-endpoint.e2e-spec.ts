import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import type { Response } from 'supertest';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Client } from '../../src/clients/client.entity';
import { User } from '../../src/users/user.entity';
import { aUser, anAdmin, TestUser } from '../factories';
import { basicAuthorization, insertClient, TestClient } from '../support/oauth-fixtures';
import { startTestApp, TEST_ISSUER, TestApp } from '../support/test-app';

describe('POST /oauth/token', () => {
  let server: TestApp;
  let user: TestUser;
  let confidential: TestClient;
  let publicClient: TestClient;

  beforeAll(async () => {
    server = await startTestApp();
    user = await aUser(server);
    confidential = await insertClient(server);
    publicClient = await insertClient(server, { confidential: false, grantTypes: ['password', 'refresh_token'] });
  });
  afterAll(() => server.close());

  const token = () => server.http.post('/oauth/token');
  const passwordGrant = (extra: Record<string, string> = {}) => ({
    grant_type: 'password',
    username: user.email,
    password: user.password,
    ...extra,
  });

  function expectNoStore(response: Response): void {
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['pragma']).toBe('no-cache');
  }

  function expectError(response: Response, status: number, error: string): void {
    expect({ status: response.status, error: (response.body as { error?: string }).error }).toEqual({ status, error });
    expect(typeof (response.body as { error_description?: unknown }).error_description).toBe('string');
    expectNoStore(response);
  }

  describe('success', () => {
    it('password grant with client_id/client_secret in the form body: both requested scopes, Bearer, 3600 s, a refresh token', async () => {
      const response = await token()
        .type('form')
        .send('grant_type=password&scope=contacts.read+contacts.write')
        .send(`username=${encodeURIComponent(user.email)}&password=${encodeURIComponent(user.password)}`)
        .send(`client_id=${confidential.clientId}&client_secret=${confidential.clientSecret}`);
      expect(response.status).toBe(200);
      expectNoStore(response);
      expect(response.body).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 3600,
        refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        scope: 'contacts.read contacts.write',
      });
    });

    it('password grant with client_secret_basic (form-urlencoded id and secret in the Basic header)', async () => {
      const response = await token()
        .set('authorization', basicAuthorization(confidential.clientId, confidential.clientSecret!))
        .type('form')
        .send(passwordGrant({ scope: 'contacts.read' }));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ token_type: 'Bearer', scope: 'contacts.read' });
    });

    it('password grant with a public client by client_id alone, email matched case-insensitively, default scopes', async () => {
      const response = await token()
        .type('form')
        .send(passwordGrant({ client_id: publicClient.clientId, username: user.email.toUpperCase() }));
      expect(response.status).toBe(200);
      expect((response.body as { scope: string }).scope.split(' ').sort()).toEqual([
        'contacts.read',
        'contacts.write',
        'profile',
      ]);
    });

    it('password grant with a public client in a Basic header with an empty secret (as Swagger UI sends it)', async () => {
      const response = await token()
        .set('authorization', basicAuthorization(publicClient.clientId, ''))
        .type('form')
        .send(passwordGrant());
      expect(response.status).toBe(200);
    });

    it('invalid_client: a confidential client in a Basic header with an empty secret', async () => {
      const response = await token()
        .set('authorization', basicAuthorization(confidential.clientId, ''))
        .type('form')
        .send(passwordGrant());
      expectError(response, 401, 'invalid_client');
      expect(response.headers['www-authenticate']).toMatch(/^Basic realm=/);
    });

    it('accepts a form body whose content type carries a charset parameter', async () => {
      const response = await token()
        .set('content-type', 'application/x-www-form-urlencoded; charset=UTF-8')
        .send(new URLSearchParams(passwordGrant({ client_id: publicClient.clientId })).toString());
      expect(response.status).toBe(200);
    });

    it('accepts a JSON body with the same fields', async () => {
      const response = await token().send(
        passwordGrant({ client_id: confidential.clientId, client_secret: confidential.clientSecret! }),
      );
      expect(response.status).toBe(200);
    });

    it('issues an RFC 9068 access token that verifies against /.well-known/jwks.json with jose', async () => {
      const response = await token()
        .type('form')
        .send(
          passwordGrant({
            client_id: confidential.clientId,
            client_secret: confidential.clientSecret!,
            scope: 'profile',
          }),
        );
      const accessToken = (response.body as { access_token: string }).access_token;
      const jwks = (await server.http.get('/.well-known/jwks.json')).body as JSONWebKeySet;
      const { payload, protectedHeader } = await jwtVerify(accessToken, createLocalJWKSet(jwks), {
        typ: 'at+jwt',
        issuer: TEST_ISSUER,
        audience: TEST_ISSUER,
        algorithms: ['RS256'],
      });
      expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'at+jwt', kid: expect.any(String) });
      expect(jwks.keys.map((key) => key.kid)).toContain(protectedHeader.kid);
      expect(payload).toEqual({
        iss: TEST_ISSUER,
        sub: user.id,
        aud: TEST_ISSUER,
        client_id: confidential.clientId,
        scope: 'profile',
        jti: expect.any(String),
        iat: expect.any(Number),
        exp: (payload.iat ?? 0) + 3600,
        // RFC 9068 §2.2.1: how and when the user authenticated.
        amr: ['pwd'],
        auth_time: expect.any(Number),
      });
      expect(payload.auth_time).toBeLessThanOrEqual(payload.iat ?? 0);
      const me = await server.http.get('/users/me').auth(accessToken, { type: 'bearer' });
      expect(me.status).toBe(200);
    });

    it('client_credentials: sub is the client_id, no refresh token, the client override of the lifetime applies', async () => {
      const shortLived = await insertClient(server, { accessTokenTtlSeconds: 120, grantTypes: ['client_credentials'] });
      const response = await token()
        .set('authorization', basicAuthorization(shortLived.clientId, shortLived.clientSecret!))
        .type('form')
        .send({ grant_type: 'client_credentials', scope: 'contacts.read' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 120,
        scope: 'contacts.read',
      });
      const accessToken = (response.body as { access_token: string }).access_token;
      const [, payload] = accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      expect(claims).toMatchObject({ sub: shortLived.clientId, client_id: shortLived.clientId });
      expect(decodeProtectedHeader(accessToken).typ).toBe('at+jwt');
    });

    it('audits token.issued with grant, client, user and scopes, and no secret', async () => {
      const auditedUser = await aUser(server);
      const response = await token().type('form').send({
        grant_type: 'password',
        username: auditedUser.email,
        password: auditedUser.password,
        scope: 'profile',
        client_id: confidential.clientId,
        client_secret: confidential.clientSecret!,
      });
      const { access_token, refresh_token } = response.body as { access_token: string; refresh_token: string };
      const events = await server.dataSource
        .getRepository(AuditEvent)
        .findBy({ type: 'token.issued', actorUserId: auditedUser.id });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ clientId: confidential.clientId, subject: auditedUser.id });
      expect(events[0]?.details).toEqual({ grant: 'password', scope: 'profile', refresh: true });
      const all = JSON.stringify(await server.dataSource.getRepository(AuditEvent).find());
      for (const secret of [auditedUser.password, confidential.clientSecret!, access_token, refresh_token]) {
        expect(all).not.toContain(secret);
      }
    });
  });

  describe('RFC 6749 §5.2 errors', () => {
    it('invalid_request: a missing parameter (password)', async () => {
      const response = await token().type('form').send({
        grant_type: 'password',
        username: user.email,
        client_id: confidential.clientId,
        client_secret: confidential.clientSecret!,
      });
      expectError(response, 400, 'invalid_request');
      expect((response.body as { error_description: string }).error_description).toContain('password');
    });

    it('invalid_request: a missing grant_type', async () => {
      expectError(await token().type('form').send({ client_id: publicClient.clientId }), 400, 'invalid_request');
    });

    it('invalid_request: a repeated parameter', async () => {
      const response = await token()
        .type('form')
        .send(`grant_type=password&username=${encodeURIComponent(user.email)}&password=a&password=b`)
        .send(`client_id=${publicClient.clientId}`);
      expectError(response, 400, 'invalid_request');
      expect((response.body as { error_description: string }).error_description).toContain('repeated');
    });

    it.each([
      ['text/plain', 'grant_type=password'],
      ['application/xml', '<grant_type>password</grant_type>'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="grant_type"\r\n\r\npassword\r\n--x--',
      ],
    ])('invalid_request: the wrong content type %s', async (contentType, body) => {
      expectError(await token().set('content-type', contentType).send(body), 400, 'invalid_request');
    });

    it('invalid_request: a non-string JSON value', async () => {
      expectError(
        await token().send({ grant_type: ['password'], client_id: publicClient.clientId }),
        400,
        'invalid_request',
      );
    });

    it('invalid_request: two client authentication methods at once', async () => {
      const response = await token()
        .set('authorization', basicAuthorization(confidential.clientId, confidential.clientSecret!))
        .type('form')
        .send(passwordGrant({ client_id: confidential.clientId, client_secret: confidential.clientSecret! }));
      expectError(response, 400, 'invalid_request');
    });

    it('unsupported_grant_type: an unknown grant', async () => {
      const response = await token()
        .type('form')
        .send({ grant_type: 'urn:example:unknown', client_id: publicClient.clientId });
      expectError(response, 400, 'unsupported_grant_type');
    });

    it('unauthorized_client: a grant the client is not allowed', async () => {
      const passwordOnly = await insertClient(server, { grantTypes: ['password'] });
      const response = await token().type('form').send({
        grant_type: 'client_credentials',
        client_id: passwordOnly.clientId,
        client_secret: passwordOnly.clientSecret!,
      });
      expectError(response, 400, 'unauthorized_client');
    });

    it('unauthorized_client: a public client asking for client_credentials, even when listed', async () => {
      const odd = await insertClient(server, { confidential: false, grantTypes: ['client_credentials'] });
      expectError(
        await token().type('form').send({ grant_type: 'client_credentials', client_id: odd.clientId }),
        400,
        'unauthorized_client',
      );
    });

    it('invalid_client: a bad secret in the body: 401 without a Basic challenge', async () => {
      const response = await token()
        .type('form')
        .send(passwordGrant({ client_id: confidential.clientId, client_secret: 'wrong-secret' }));
      expectError(response, 401, 'invalid_client');
      expect(response.headers['www-authenticate']).toBeUndefined();
    });

    it('invalid_client: a bad secret in Basic: 401 with WWW-Authenticate: Basic', async () => {
      const response = await token()
        .set('authorization', basicAuthorization(confidential.clientId, 'wrong-secret'))
        .type('form')
        .send(passwordGrant());
      expectError(response, 401, 'invalid_client');
      expect(response.headers['www-authenticate']).toMatch(/^Basic realm="/);
    });

    it('invalid_client: a malformed Authorization header gets the Basic challenge', async () => {
      const response = await token().set('authorization', 'Basic !!!').type('form').send(passwordGrant());
      expectError(response, 401, 'invalid_client');
      expect(response.headers['www-authenticate']).toMatch(/^Basic /);
    });

    it('invalid_client: an unknown client, and a confidential client without its secret', async () => {
      expectError(
        await token()
          .type('form')
          .send(passwordGrant({ client_id: 'nobody' })),
        401,
        'invalid_client',
      );
      expectError(
        await token()
          .type('form')
          .send(passwordGrant({ client_id: confidential.clientId })),
        401,
        'invalid_client',
      );
      expectError(
        await token().set('authorization', basicAuthorization('nobody', 'secret')).type('form').send(passwordGrant()),
        401,
        'invalid_client',
      );
    });

    it('invalid_client: no client authentication at all', async () => {
      expectError(await token().type('form').send(passwordGrant()), 401, 'invalid_client');
    });

    it('invalid_client: a disabled client and a client whose owner is disabled fail like unknown ones', async () => {
      const disabled = await insertClient(server, { disabled: true });
      const owner = await aUser(server);
      const ownersClient = await insertClient(server, { ownerId: owner.id });
      await server.dataSource.getRepository(User).update({ id: owner.id }, { disabled: true });
      for (const { clientId, clientSecret } of [disabled, ownersClient]) {
        const response = await token()
          .type('form')
          .send(passwordGrant({ client_id: clientId, client_secret: clientSecret! }));
        expectError(response, 401, 'invalid_client');
        expect((response.body as { error_description: string }).error_description).toBe('Client authentication failed');
      }
    });

    it('invalid_grant: a wrong password and an unknown user get the same response, and both are audited', async () => {
      const client = { client_id: confidential.clientId, client_secret: confidential.clientSecret! };
      const wrong = await token()
        .type('form')
        .send(passwordGrant({ ...client, password: 'not-the-password' }));
      const unknown = await token()
        .type('form')
        .send(passwordGrant({ ...client, username: 'nobody-here@example.test', password: 'whatever-password' }));
      expectError(wrong, 400, 'invalid_grant');
      expectError(unknown, 400, 'invalid_grant');
      expect(unknown.body).toEqual(wrong.body);
      const failures = await server.dataSource.getRepository(AuditEvent).findBy({ type: 'user.signin_failed' });
      // The user's id, or for a name nobody owns a keyed hash and a masked form: never the name as typed.
      expect(failures.map((event) => event.subject)).toEqual(
        expect.arrayContaining([user.id, expect.stringMatching(/^hmac:[0-9a-f]{64}$/)]),
      );
      expect(failures.map((event) => event.details?.username_masked)).toContain('n***@example.test');
      expect(JSON.stringify(failures)).not.toContain('not-the-password');
      expect(JSON.stringify(failures)).not.toContain('nobody-here');
    });

    it('invalid_grant: a disabled user, with the same description as a wrong password', async () => {
      const disabled = await aUser(server);
      await server.dataSource.getRepository(User).update({ id: disabled.id }, { disabled: true });
      const response = await token().type('form').send({
        grant_type: 'password',
        username: disabled.email,
        password: disabled.password,
        client_id: confidential.clientId,
        client_secret: confidential.clientSecret!,
      });
      expectError(response, 400, 'invalid_grant');
      expect((response.body as { error_description: string }).error_description).toBe(
        'The username or password is incorrect',
      );
    });

    it.each([
      ['an unknown scope', 'no-such-scope'],
      ['a scope the client may not have', 'clients:write'],
      ['the admin-only scope for a non-admin', 'admin'],
      ['a malformed scope parameter', 'contacts.read  profile'],
    ])('invalid_scope: %s', async (_case, scope) => {
      const client = await insertClient(server, { scopes: ['profile', 'contacts.read', 'admin'] });
      const response = await token()
        .type('form')
        .send(passwordGrant({ client_id: client.clientId, client_secret: client.clientSecret!, scope }));
      expectError(response, 400, 'invalid_scope');
    });

    it('the admin-only scope is granted to an admin through a client allowed it', async () => {
      const admin = await anAdmin(server);
      const client = await insertClient(server, { scopes: ['profile', 'admin'] });
      const response = await token().type('form').send({
        grant_type: 'password',
        username: admin.email,
        password: admin.password,
        scope: 'admin',
        client_id: client.clientId,
        client_secret: client.clientSecret!,
      });
      expect(response.status).toBe(200);
      expect((response.body as { scope: string }).scope).toBe('admin');
    });

    it('invalid_scope: client_credentials never gets an admin-only scope', async () => {
      const client = await insertClient(server, { scopes: ['profile', 'admin'] });
      const response = await token().type('form').send({
        grant_type: 'client_credentials',
        scope: 'admin',
        client_id: client.clientId,
        client_secret: client.clientSecret!,
      });
      expectError(response, 400, 'invalid_scope');
    });

    it('never answers 500 to garbage bodies', async () => {
      for (const body of ['%', '&&&', 'grant_type=%E0%A4%A', `grant_type=${'x'.repeat(10_000)}`, '__proto__=1']) {
        const response = await token().set('content-type', 'application/x-www-form-urlencoded').send(body);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }
      const client = await server.dataSource.getRepository(Client).findOneBy({ clientId: publicClient.clientId });
      expect(client).not.toBeNull();
    });
  });
});

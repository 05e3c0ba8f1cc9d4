import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { RevokedTokensService } from '../../src/tokens/keys/revoked-tokens.service';
import { SigningKeysService } from '../../src/tokens/keys/signing-keys.service';
import { aUser } from '../factories';
import { startTestApp, TEST_ISSUER, type TestApp } from '../support/test-app';

const REALM = `Bearer realm="${TEST_ISSUER}"`;
const invalidToken = (description: string): string =>
  `${REALM}, error="invalid_token", error_description="${description}"`;
const INVALID_REQUEST = new RegExp(`^${escapeRegExp(REALM)}, error="invalid_request", error_description="[^"]+"$`);

const now = (): number => Math.floor(Date.now() / 1000);
const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('bearer and scopes guards (RFC 6750)', () => {
  let server: TestApp;
  let userId: string;

  /** A token signed with the server's own current key; claims and header can be overridden. */
  async function forge(claims: JWTPayload = {}, header: Record<string, unknown> = {}): Promise<string> {
    const key = server.app.get(SigningKeysService).current();
    const payload: JWTPayload = {
      iss: TEST_ISSUER,
      sub: userId,
      aud: TEST_ISSUER,
      client_id: 'portal',
      scope: 'contacts.read contacts.write',
      jti: randomBytes(16).toString('base64url'),
      iat: now(),
      exp: now() + 600,
      ...claims,
    };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: key.alg, typ: 'at+jwt', kid: key.kid, ...header })
      .sign(key.privateKey);
  }

  /** A well-formed token as the token endpoint mints it; `sub` is the client_id for client_credentials. */
  async function issue(scopes: string[], sub: string = userId): Promise<{ token: string; jti: string }> {
    const jti = randomBytes(16).toString('base64url');
    const token = await forge({ jti, scope: scopes.join(' '), sub });
    return { token, jti };
  }

  const listContacts = (token?: string) => {
    const request = server.http.get('/api/contacts');
    return token ? request.set('authorization', `Bearer ${token}`) : request;
  };

  beforeAll(async () => {
    server = await startTestApp();
    ({ id: userId } = await aUser(server));
  });

  afterAll(() => server.close());

  it('asks for a token when there is none: 401 with a bare challenge', async () => {
    const response = await listContacts();
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(REALM);
    expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'An access token is required' });
  });

  it('treats another authentication scheme as no bearer token', async () => {
    const response = await server.http.get('/api/contacts').set('authorization', 'Basic dXNlcjpwYXNz');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(REALM);
  });

  it.each([['Bearer'], ['Bearer '], ['Bearer two tokens'], ['Bearer tok"en'], ['Bearer\tabc']])(
    'refuses the malformed header %j with 400 invalid_request',
    async (authorization) => {
      const response = await server.http.get('/api/contacts').set('authorization', authorization);
      expect(response.status).toBe(400);
      expect(response.headers['www-authenticate']).toMatch(INVALID_REQUEST);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    },
  );

  it('refuses a token that is not a JWT with invalid_token', async () => {
    const response = await listContacts('not-a-jwt');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(invalidToken('The access token is malformed'));
  });

  it('accepts a token issued by the server, with the scheme in any case', async () => {
    const { token } = await issue(['contacts.read']);
    const response = await server.http.get('/api/contacts').set('authorization', `bEaReR ${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [], total: 0 });
  });

  it('refuses an expired token', async () => {
    const token = await forge({ iat: now() - 3600, exp: now() - 60 });
    const response = await listContacts(token);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(invalidToken('The access token has expired'));
  });

  it('refuses a token that is not valid yet (nbf in the future)', async () => {
    const token = await forge({ nbf: now() + 300 });
    const response = await listContacts(token);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(invalidToken('The access token is not valid yet'));
  });

  it('allows a few seconds of clock skew on exp', async () => {
    const token = await forge({ exp: now() - 1 });
    expect((await listContacts(token)).status).toBe(200);
  });

  it('refuses a token from another issuer', async () => {
    const token = await forge({ iss: 'https://evil.example.test' });
    const response = await listContacts(token);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(invalidToken("The access token's iss claim is not acceptable"));
  });

  it('refuses a token for another audience', async () => {
    const token = await forge({ aud: 'https://api.other.example.test' });
    const response = await listContacts(token);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(invalidToken("The access token's aud claim is not acceptable"));
  });

  it('refuses a token of another type (typ must be at+jwt, RFC 9068 §4)', async () => {
    const token = await forge({}, { typ: 'JWT' });
    const response = await listContacts(token);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(invalidToken("The access token's typ claim is not acceptable"));
  });

  it('refuses a tampered payload', async () => {
    const { token } = await issue(['contacts.read']);
    expect((await listContacts(token)).status).toBe(200);
    const [header, , signature] = token.split('.');
    const payload = { ...decodePayload(token), scope: 'contacts.read contacts.write admin' };
    const response = await listContacts(`${header}.${b64url(payload)}.${signature}`);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(invalidToken('The token signature is invalid'));
  });

  it('refuses alg none', async () => {
    const { kid } = server.app.get(SigningKeysService).current();
    const payload = decodePayload((await issue(['contacts.read'])).token);
    const unsigned = `${b64url({ alg: 'none', typ: 'at+jwt', kid })}.${b64url(payload)}.`;
    const response = await listContacts(unsigned);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(
      invalidToken('The token is not signed with an accepted algorithm'),
    );
  });

  it('refuses HS256 signed with the public key as the HMAC secret', async () => {
    const { kid } = server.app.get(SigningKeysService).current();
    const verificationKey = await server.app.get(SigningKeysService).verificationKey(kid);
    const publicPem = verificationKey!.publicKey.export({ type: 'spki', format: 'pem' });
    const payload = decodePayload((await issue(['contacts.read'])).token);
    const signingInput = `${b64url({ alg: 'HS256', typ: 'at+jwt', kid })}.${b64url(payload)}`;
    const signature = createHmac('sha256', publicPem).update(signingInput).digest('base64url');
    const response = await listContacts(`${signingInput}.${signature}`);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(
      invalidToken('The token is not signed with an accepted algorithm'),
    );
  });

  it('refuses a token signed by a key not in the set, whatever kid it names', async () => {
    const { kid, alg } = server.app.get(SigningKeysService).current();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const payload = decodePayload((await issue(['contacts.read'])).token);
    const sign = (keyId: string) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: keyId }).sign(privateKey);

    const unknownKid = await listContacts(await sign('not-a-known-kid'));
    expect(unknownKid.status).toBe(401);
    expect(unknownKid.headers['www-authenticate']).toBe(
      invalidToken('The token was not signed by a key of this server'),
    );

    const borrowedKid = await listContacts(await sign(kid));
    expect(borrowedKid.status).toBe(401);
    expect(borrowedKid.headers['www-authenticate']).toBe(
      invalidToken(
        alg === 'RS256' ? 'The token signature is invalid' : 'The token is not signed with the algorithm of its key',
      ),
    );
  });

  it('refuses a revoked token, even one verified (and cached) a moment before', async () => {
    const { token, jti } = await issue(['contacts.read']);
    expect((await listContacts(token)).status).toBe(200);

    await server.app.get(RevokedTokensService).revoke(jti, new Date(Date.now() + 3600_000));
    const response = await listContacts(token);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(invalidToken('The access token has been revoked'));
  });

  it('accepts the token in a form body field (RFC 6750 §2.2) without the route seeing it', async () => {
    const { token } = await issue(['contacts.write']);
    const response = await server.http
      .post('/api/contacts')
      .type('form')
      .send({ access_token: token, name: 'Form Body' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: 'Form Body' });
  });

  it('ignores an access_token field in a JSON body (only form bodies carry tokens)', async () => {
    const { token } = await issue(['contacts.write']);
    const response = await server.http.post('/api/contacts').send({ access_token: token, name: 'JSON' });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(REALM);
  });

  it('refuses a token in two places with 400 invalid_request', async () => {
    const { token } = await issue(['contacts.write']);
    const response = await server.http
      .post('/api/contacts')
      .set('authorization', `Bearer ${token}`)
      .type('form')
      .send({ access_token: token, name: 'Twice' });
    expect(response.status).toBe(400);
    expect(response.headers['www-authenticate']).toBe(
      `${REALM}, error="invalid_request", error_description="The access token must be sent in exactly one place"`,
    );
  });

  it('refuses a query-string token unless ALLOW_QUERY_TOKEN is set', async () => {
    const { token } = await issue(['contacts.read']);
    const response = await server.http.get('/api/contacts').query({ access_token: token });
    expect(response.status).toBe(400);
    expect(response.headers['www-authenticate']).toMatch(INVALID_REQUEST);
  });

  it('refuses a token without a required scope: 403 insufficient_scope naming the scope', async () => {
    const { token } = await issue(['contacts.read']);
    const response = await server.http
      .post('/api/contacts')
      .set('authorization', `Bearer ${token}`)
      .send({ name: 'No scope' });
    expect(response.status).toBe(403);
    expect(response.headers['www-authenticate']).toBe(
      `${REALM}, error="insufficient_scope", error_description="The access token lacks the scope contacts.write", scope="contacts.write"`,
    );
    expect(response.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'The access token lacks the scope contacts.write',
    });
  });

  it('accepts a token with every scope the route needs', async () => {
    const { token } = await issue(['profile', 'contacts.read', 'contacts.write']);
    const response = await server.http
      .post('/api/contacts')
      .set('authorization', `Bearer ${token}`)
      .send({ name: 'All scopes' });
    expect(response.status).toBe(201);
  });

  it('refuses a client_credentials token on a route that acts for a user', async () => {
    const { token } = await issue(['contacts.read'], 'portal');
    const response = await listContacts(token);
    expect(response.status).toBe(403);
    expect(response.headers['www-authenticate']).toMatch(/error="insufficient_scope"/);
    expect(response.body).toMatchObject({ statusCode: 403, message: expect.stringMatching(/client_credentials/) });
  });

  it('leaves public routes open', async () => {
    expect((await server.http.get('/health')).status).toBe(200);
    expect((await server.http.get('/docs-json')).status).toBe(200);
  });
});

describe('bearer guard with ALLOW_QUERY_TOKEN=true (RFC 6750 §2.3)', () => {
  let server: TestApp;
  let token: string;

  beforeAll(async () => {
    server = await startTestApp({ ALLOW_QUERY_TOKEN: 'true' });
    const { id } = await aUser(server);
    const key = server.app.get(SigningKeysService).current();
    token = await new SignJWT({
      client_id: 'portal',
      scope: 'contacts.read',
      jti: randomBytes(16).toString('base64url'),
    })
      .setProtectedHeader({ alg: key.alg, typ: 'at+jwt', kid: key.kid })
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_ISSUER)
      .setSubject(id)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key.privateKey);
  });

  afterAll(() => server.close());

  it('accepts the access_token query parameter, marks the response private, and hides it from the route', async () => {
    const response = await server.http.get('/api/contacts').query({ access_token: token, limit: 5 });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('private');
  });

  it('still refuses a token in the header and the query at once', async () => {
    const response = await server.http
      .get('/api/contacts')
      .query({ access_token: token })
      .set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(400);
    expect(response.headers['www-authenticate']).toMatch(/error="invalid_request"/);
  });
});

function decodePayload(token: string): JWTPayload {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as JWTPayload;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { createHash } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, JWTPayload } from 'jose';
import { sha256Hex } from '../../../src/common/crypto/secrets';
import { RefreshToken } from '../../../src/refresh-tokens/refresh-token.entity';
import { aUser, TestUser } from '../../factories';
import { insertClient, TestClient } from '../../support/oauth-fixtures';
import { startTestApp, TEST_ISSUER, TestApp } from '../../support/test-app';

interface TokenBody {
  access_token: string;
  refresh_token?: string;
  scope: string;
  id_token?: string;
  id_token_type?: string;
}

const OIDC_SCOPES = ['openid', 'profile', 'email', 'contacts.read'];

describe.each(['RS256', 'EdDSA'])('ID tokens signed with %s (OpenID Connect Core §2, §3.1.3.6, §12.2)', (alg) => {
  let server: TestApp;
  let client: TestClient;
  let user: TestUser;

  beforeAll(async () => {
    server = await startTestApp({ JWT_ALG: alg });
    client = await insertClient(server, {
      scopes: OIDC_SCOPES,
      grantTypes: ['password', 'refresh_token', 'client_credentials'],
    });
    user = await aUser(server, { name: 'Ada Lovelace' });
  });
  afterAll(() => server.close());

  const token = async (body: Record<string, string>): Promise<TokenBody> => {
    const response = await server.http
      .post('/oauth/token')
      .type('form')
      .send({ ...body, client_id: client.clientId, client_secret: client.clientSecret! });
    expect(response.status).toBe(200);
    return response.body as TokenBody;
  };
  const passwordGrant = (scope: string) =>
    token({ grant_type: 'password', username: user.email, password: user.password, scope });

  async function verifiedIdToken(idToken: string): Promise<JWTPayload> {
    const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(idToken, jwks, {
      issuer: TEST_ISSUER,
      audience: client.clientId,
      typ: 'JWT',
      algorithms: [alg],
    });
    expect(protectedHeader.kid).toEqual(expect.any(String));
    return payload;
  }

  function expectedAtHash(accessToken: string): string {
    const digest = createHash(alg === 'EdDSA' ? 'sha512' : 'sha256')
      .update(accessToken)
      .digest();
    return digest.subarray(0, digest.length / 2).toString('base64url');
  }

  it('password grant with openid: an ID token beside the access token, with the claims of the scopes', async () => {
    const body = await passwordGrant('openid profile email');
    expect(body.id_token_type).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const claims = await verifiedIdToken(body.id_token!);
    const accessClaims = JSON.parse(Buffer.from(body.access_token.split('.')[1], 'base64url').toString()) as JWTPayload;
    expect(claims).toMatchObject({
      iss: TEST_ISSUER,
      sub: user.id,
      aud: client.clientId,
      azp: client.clientId,
      amr: ['pwd'],
      at_hash: expectedAtHash(body.access_token),
      name: 'Ada Lovelace',
      email: user.email,
      email_verified: false,
      updated_at: expect.any(Number),
    });
    expect(claims.sub).toBe(accessClaims.sub);
    expect(claims.auth_time).toBeLessThanOrEqual(claims.iat!);
    expect(claims.exp).toBeGreaterThan(claims.iat!);
    expect(claims).not.toHaveProperty('nonce');
    expect(decodeProtectedHeader(body.id_token!).typ).toBe('JWT');
  });

  it('releases only the claims of the granted scopes', async () => {
    const claims = await verifiedIdToken((await passwordGrant('openid')).id_token!);
    for (const claim of ['name', 'updated_at', 'email', 'email_verified']) expect(claims).not.toHaveProperty(claim);
  });

  it('without openid: no ID token', async () => {
    const body = await passwordGrant('profile email');
    expect(body).not.toHaveProperty('id_token');
    expect(body).not.toHaveProperty('id_token_type');
  });

  it('client_credentials with openid: no ID token, there is no user', async () => {
    const body = await token({ grant_type: 'client_credentials', scope: 'openid' });
    expect(body.scope).toBe('openid');
    expect(body).not.toHaveProperty('id_token');
  });

  it('refresh: the same sub and aud, the original auth_time and amr, a new at_hash, no nonce', async () => {
    const first = await passwordGrant('openid email');
    // The sign-in happened an hour ago: the refreshed ID token must still say so.
    const signedInAt = new Date(Math.floor(Date.now() / 1000 - 3600) * 1000);
    await server.dataSource
      .getRepository(RefreshToken)
      .update({ tokenHash: sha256Hex(first.refresh_token!) }, { authTime: signedInAt });
    const second = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token! });
    expect(second.id_token_type).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const [before, after] = [await verifiedIdToken(first.id_token!), await verifiedIdToken(second.id_token!)];
    expect(after).toMatchObject({
      sub: before.sub,
      aud: before.aud,
      auth_time: signedInAt.getTime() / 1000,
      amr: ['pwd'],
      email: user.email,
      at_hash: expectedAtHash(second.access_token),
    });
    expect(after.iat).toBeGreaterThanOrEqual(before.iat!);
    expect(after).not.toHaveProperty('nonce');

    // And the next rotation keeps it too.
    const third = await token({ grant_type: 'refresh_token', refresh_token: second.refresh_token! });
    expect((await verifiedIdToken(third.id_token!)).auth_time).toBe(signedInAt.getTime() / 1000);
  });

  it('refresh narrowed to drop openid: no ID token', async () => {
    const first = await passwordGrant('openid contacts.read');
    const second = await token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token!,
      scope: 'contacts.read',
    });
    expect(second).not.toHaveProperty('id_token');
  });
});

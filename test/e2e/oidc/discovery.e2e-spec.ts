import { KeyRotationService } from '../../../src/tokens/keys/key-rotation.service';
import { startTestApp, TEST_ISSUER, TestApp } from '../../support/test-app';

describe('GET /.well-known/openid-configuration (OpenID Connect Discovery 1.0)', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ JWT_ALG: 'ES256' });
  });
  afterAll(() => server.close());

  it('lists every member the contract names, public and briefly cacheable', async () => {
    const response = await server.http.get('/.well-known/openid-configuration');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const metadata = response.body as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: TEST_ISSUER,
      authorization_endpoint: `${TEST_ISSUER}/oauth/authorize`,
      token_endpoint: `${TEST_ISSUER}/oauth/token`,
      userinfo_endpoint: `${TEST_ISSUER}/userinfo`,
      jwks_uri: `${TEST_ISSUER}/.well-known/jwks.json`,
      end_session_endpoint: `${TEST_ISSUER}/oauth/logout`,
      revocation_endpoint: `${TEST_ISSUER}/oauth/revoke`,
      introspection_endpoint: `${TEST_ISSUER}/oauth/introspect`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      authorization_response_iss_parameter_supported: true,
    });
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email']));
    expect(metadata.scopes_supported).not.toContain('admin');
    expect(metadata.grant_types_supported).toEqual(expect.arrayContaining(['password', 'refresh_token']));
    expect(metadata.claims_supported).toEqual(
      expect.arrayContaining(['sub', 'auth_time', 'amr', 'email', 'email_verified', 'name', 'updated_at', 'org_id']),
    );
  });

  it('is the RFC 8414 document: the same members at both well-known paths', async () => {
    const [oidc, oauth] = await Promise.all([
      server.http.get('/.well-known/openid-configuration'),
      server.http.get('/.well-known/oauth-authorization-server'),
    ]);
    expect(oauth.body).toEqual(oidc.body);
  });

  it('after a rotation to another algorithm, lists the current key first and the retired one after it', async () => {
    const rotated = await startTestApp({ JWT_ALG: 'EdDSA' }, { database: server.database });
    try {
      await rotated.app.get(KeyRotationService, { strict: false }).rotate();
      const metadata = (await rotated.http.get('/.well-known/openid-configuration')).body as Record<string, unknown>;
      expect(metadata.id_token_signing_alg_values_supported).toEqual(['EdDSA', 'ES256']);
    } finally {
      await rotated.app.close();
    }
  });
});

import { startTestApp, TEST_ISSUER, TestApp } from '../support/test-app';

describe('GET /.well-known/oauth-authorization-server (RFC 8414)', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });
  afterAll(() => server.close());

  it('describes the endpoints, grants, client authentication methods and non-admin scopes, without a bearer token', async () => {
    const response = await server.http.get('/.well-known/oauth-authorization-server');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const metadata = response.body as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: TEST_ISSUER,
      token_endpoint: `${TEST_ISSUER}/oauth/token`,
      jwks_uri: `${TEST_ISSUER}/.well-known/jwks.json`,
      revocation_endpoint: `${TEST_ISSUER}/oauth/revoke`,
      introspection_endpoint: `${TEST_ISSUER}/oauth/introspect`,
      response_types_supported: ['code'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      service_documentation: `${TEST_ISSUER}/docs`,
    });
    expect([...(metadata.grant_types_supported as string[])].sort()).toEqual([
      'authorization_code',
      'bearer',
      'client_credentials',
      'password',
      'refresh_token',
      'urn:ietf:params:oauth:grant-type:jwt-bearer',
      'urn:ietf:params:oauth:grant-type:token-exchange',
    ]);
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['profile', 'contacts.read', 'contacts.write']));
    expect(metadata.scopes_supported).not.toContain('admin');
  });

  it('the issuer matches the iss of issued tokens (RFC 8414 §3.3)', async () => {
    const { issuer } = (await server.http.get('/.well-known/oauth-authorization-server')).body as { issuer: string };
    expect(issuer).toBe(server.config.issuer);
  });

  it('the JWKS is public too', async () => {
    expect((await server.http.get('/.well-known/jwks.json')).status).toBe(200);
  });
});

import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { aUser, TestUser } from '../../factories';
import { insertClient, TestClient } from '../../support/oauth-fixtures';
import { startTestApp, TEST_ISSUER, TestApp } from '../../support/test-app';

/**
 * openid-client (v6) as a real relying party: it discovers the provider, runs the grants and checks every
 * ID token (signature against the JWKS with enableNonRepudiationChecks, iss, aud, azp, exp, iat, and
 * auth_time through require_auth_time). at_hash, which openid-client checks only in the front channel,
 * is checked here against an independent computation.
 */
describe.each(['RS256', 'ES256'])('OpenID Connect with openid-client as the relying party (%s)', (alg) => {
  let server: TestApp;
  let client: TestClient;
  let user: TestUser;
  let relyingParty: oidc.Configuration;

  beforeAll(async () => {
    server = await startTestApp({ JWT_ALG: alg });
    client = await insertClient(server, {
      confidential: true,
      grantTypes: ['password', 'refresh_token'],
      scopes: ['openid', 'profile', 'email', 'contacts.read'],
    });
    user = await aUser(server, { name: 'Katherine Johnson' });
    // The issuer is https://auth.example.test; its requests reach the test server on its loopback address.
    const toTestServer: oidc.CustomFetch = (url, options) => fetch(url.replace(TEST_ISSUER, server.url), options);
    relyingParty = await oidc.discovery(
      new URL(TEST_ISSUER),
      client.clientId,
      { require_auth_time: true, id_token_signed_response_alg: alg },
      oidc.ClientSecretBasic(client.clientSecret),
      { [oidc.customFetch]: toTestServer, execute: [oidc.enableNonRepudiationChecks] },
    );
  });
  afterAll(() => server.close());

  const atHash = (accessToken: string): string =>
    createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');

  const passwordGrant = () =>
    oidc.genericGrantRequest(relyingParty, 'password', {
      username: user.email,
      password: user.password,
      scope: 'openid profile email',
    });

  it('discovers the provider: issuer, endpoints and the signing algorithm', () => {
    const metadata = relyingParty.serverMetadata();
    expect(metadata.issuer).toBe(TEST_ISSUER);
    expect(metadata.userinfo_endpoint).toBe(`${TEST_ISSUER}/userinfo`);
    expect(metadata.id_token_signing_alg_values_supported?.[0]).toBe(alg);
  });

  it('password grant: a validated ID token for the user, then userinfo with the same sub', async () => {
    const tokens = await passwordGrant();
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ iss: TEST_ISSUER, sub: user.id, aud: client.clientId, amr: ['pwd'] });
    expect(claims.at_hash).toBe(atHash(tokens.access_token));
    expect(claims.auth_time).toEqual(expect.any(Number));

    const userinfo = await oidc.fetchUserInfo(relyingParty, tokens.access_token, claims.sub);
    expect(userinfo).toMatchObject({
      sub: user.id,
      name: 'Katherine Johnson',
      email: user.email,
      email_verified: false,
    });
  });

  it('userinfo for another sub is refused by the relying party', async () => {
    const tokens = await passwordGrant();
    await expect(oidc.fetchUserInfo(relyingParty, tokens.access_token, 'somebody-else')).rejects.toThrow();
  });

  it('refresh: a validated ID token with the same sub and aud and the original auth_time', async () => {
    const first = await passwordGrant();
    const refreshed = await oidc.refreshTokenGrant(relyingParty, first.refresh_token!);
    const [before, after] = [first.claims()!, refreshed.claims()!];
    expect(after).toMatchObject({ sub: before.sub, aud: before.aud, auth_time: before.auth_time, amr: ['pwd'] });
    expect(after.iat).toBeGreaterThanOrEqual(before.iat);
    expect(after.nonce).toBeUndefined();
    expect(after.at_hash).toBe(atHash(refreshed.access_token));
  });

  it('a relying party expecting another algorithm rejects the ID token', async () => {
    const other = new oidc.Configuration(
      relyingParty.serverMetadata(),
      client.clientId,
      { id_token_signed_response_alg: alg === 'RS256' ? 'ES256' : 'RS256' },
      oidc.ClientSecretBasic(client.clientSecret),
    );
    other[oidc.customFetch] = relyingParty[oidc.customFetch]!;
    const refusal = await oidc
      .genericGrantRequest(other, 'password', { username: user.email, password: user.password, scope: 'openid' })
      .then(
        () => undefined,
        (error: Error) => error,
      );
    expect((refusal?.cause as Error | undefined)?.message).toMatch(/"alg"/);
  });
});

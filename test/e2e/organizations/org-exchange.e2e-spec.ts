import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { anAdmin, aUser, signIn, type TestUser } from '../../factories';
import {
  ACCESS_TOKEN_TYPE,
  anIdentityProvider,
  ID_TOKEN_TYPE,
  KEY_ENCRYPTION_SECRET,
  TOKEN_EXCHANGE,
} from '../../support/federation-fixtures';
import { basicAuthorization, insertClient, type TestClient } from '../../support/oauth-fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  MOBILE_APP_CLIENT_ID,
  startTestOpenIdProvider,
  type TestOpenIdProvider,
} from '../../support/test-openid-provider';
import { addMember, anOrganization, signInForOrgs } from './org-fixtures';

interface TokenBody {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
}

describe('organizations: token exchange keeps the organization, and an ID token for openid', () => {
  let op: TestOpenIdProvider;
  let server: TestApp;
  let owner: TestUser;
  let ownerToken: string;
  let member: TestUser;
  let acme: string;
  let globex: string;
  let acmeId: string;
  let frontend: TestClient;
  let backend: TestClient;
  let orgApp: TestClient;
  let mobileApp: TestClient;

  beforeAll(async () => {
    op = await startTestOpenIdProvider();
    server = await startTestApp({ ISSUER: 'http://auth.example.test', KEY_ENCRYPTION_SECRET });
    [owner, member] = await Promise.all([aUser(server), aUser(server)]);
    ownerToken = await signInForOrgs(server, owner);
    acme = await anOrganization(server, ownerToken);
    globex = await anOrganization(server, ownerToken);
    await addMember(server, ownerToken, acme, member, 'member');
    acmeId = ((await server.http.get(`/orgs/${acme}`).auth(ownerToken, { type: 'bearer' })).body as { id: string }).id;
    const scopes = ['openid', 'profile', 'orgs:read'];
    frontend = await insertClient(server, { confidential: true, grantTypes: ['password', TOKEN_EXCHANGE], scopes });
    backend = await insertClient(server, { confidential: true, grantTypes: [TOKEN_EXCHANGE], scopes });
    orgApp = await insertClient(server, { confidential: true, grantTypes: [TOKEN_EXCHANGE, 'refresh_token'], scopes });
    await server.dataSource.query('UPDATE clients SET organization_id = ? WHERE client_id = ?', [
      acmeId,
      orgApp.clientId,
    ]);
    mobileApp = await insertClient(server, {
      confidential: false,
      grantTypes: [TOKEN_EXCHANGE],
      scopes: ['openid', 'profile', 'email'],
    });
    await anIdentityProvider(server, await signIn(server, await anAdmin(server), 'admin'), {
      alias: 'test-op',
      type: 'oidc',
      issuer: op.issuer,
      audiences: [MOBILE_APP_CLIENT_ID],
      create_users: true,
    });
  });
  afterAll(async () => {
    await server.close();
    await op.close();
  });

  const post = (client: TestClient, body: Record<string, string>) => {
    const request = server.http.post('/oauth/token').type('form');
    const authenticated = client.clientSecret
      ? request.set('authorization', basicAuthorization(client.clientId, client.clientSecret))
      : request;
    return authenticated.send(client.clientSecret ? body : { client_id: client.clientId, ...body });
  };
  const passwordGrant = async (username: string, password: string, scope = 'openid profile orgs:read') => {
    const response = await post(frontend, { grant_type: 'password', username, password, scope });
    expect(response.status).toBe(200);
    return response.body as TokenBody;
  };
  const exchange = (client: TestClient, subjectToken: string, extra: Record<string, string> = {}) =>
    post(client, {
      grant_type: TOKEN_EXCHANGE,
      subject_token: subjectToken,
      subject_token_type: ACCESS_TOKEN_TYPE,
      ...extra,
    });

  it('keeps org_id, org and org_roles, and answers openid with an ID token of the original sign-in', async () => {
    const subject = await passwordGrant(`${member.email}@${acme}`, member.password);
    const original = decodeJwt(subject.access_token);
    expect(original).toMatchObject({ org: acme, amr: ['pwd'], auth_time: expect.any(Number) });

    const response = await exchange(backend, subject.access_token, { scope: 'openid orgs:read' });
    expect(response.status).toBe(200);
    const body = response.body as TokenBody;
    const expected = { sub: member.id, org_id: acmeId, org: acme, org_roles: ['member'] };
    expect(decodeJwt(body.access_token)).toMatchObject({ ...expected, client_id: backend.clientId });
    expect(body.id_token).toEqual(expect.any(String));
    expect(decodeJwt(body.id_token ?? '')).toMatchObject({
      ...expected,
      aud: backend.clientId,
      auth_time: original.auth_time,
      amr: ['pwd'],
    });

    const introspected = await server.http
      .post('/oauth/introspect')
      .set('authorization', basicAuthorization(backend.clientId, backend.clientSecret ?? ''))
      .type('form')
      .send({ token: body.access_token });
    expect(introspected.status).toBe(200);
    expect(introspected.body).toMatchObject({ active: true, org_id: acmeId, org: acme, org_roles: ['member'] });
  });

  it('gives no ID token without openid, and no organization to a token issued for none', async () => {
    const orgToken = await passwordGrant(`${member.email}@${acme}`, member.password);
    const narrowed = await exchange(backend, orgToken.access_token, { scope: 'orgs:read' });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body).not.toHaveProperty('id_token');
    expect(decodeJwt((narrowed.body as TokenBody).access_token)).toMatchObject({ org: acme });

    const plain = await passwordGrant(member.email, member.password);
    const exchanged = (await exchange(backend, plain.access_token)).body as TokenBody;
    expect(decodeJwt(exchanged.access_token)).not.toHaveProperty('org');
  });

  it("carries the member's role as it is now, and refuses a member removed meanwhile", async () => {
    const user = await aUser(server);
    await addMember(server, ownerToken, globex, user, 'member');
    const subject = await passwordGrant(`${user.email}@${globex}`, user.password);
    const promoted = await server.http
      .patch(`/orgs/${globex}/members/${user.id}`)
      .auth(ownerToken, { type: 'bearer' })
      .send({ role: 'admin' });
    expect(promoted.status).toBe(200);
    // The promotion cut off the subject token: its holder signs in again and exchanges that.
    expect((await exchange(backend, subject.access_token)).body).toMatchObject({ error: 'invalid_grant' });
    const fresh = await passwordGrant(`${user.email}@${globex}`, user.password);
    const exchanged = (await exchange(backend, fresh.access_token)).body as TokenBody;
    expect(decodeJwt(exchanged.access_token)).toMatchObject({ org: globex, org_roles: ['admin'] });

    const removed = await server.http.delete(`/orgs/${globex}/members/${user.id}`).auth(ownerToken, { type: 'bearer' });
    expect(removed.status).toBe(204);
    const refused = await exchange(backend, fresh.access_token);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'invalid_grant' });
  });

  it("lets an org app exchange only for its own organization's members", async () => {
    const plain = await passwordGrant(member.email, member.password);
    const mine = await exchange(orgApp, plain.access_token);
    expect(mine.status).toBe(200);
    expect(decodeJwt((mine.body as TokenBody).access_token)).toMatchObject({ org_id: acmeId, org: acme });

    await addMember(server, ownerToken, globex, member, 'member');
    const otherOrg = await passwordGrant(`${member.email}@${globex}`, member.password);
    expect((await exchange(orgApp, otherOrg.access_token)).body).toMatchObject({ error: 'invalid_grant' });
    const outsider = await aUser(server);
    const outsiderToken = await passwordGrant(outsider.email, outsider.password);
    expect((await exchange(orgApp, outsiderToken.access_token)).body).toMatchObject({ error: 'invalid_grant' });
  });

  it("signs an org app's members in through an identity provider, always for its organization, and no one else", async () => {
    const orgMobileApp = await insertClient(server, {
      confidential: false,
      grantTypes: [TOKEN_EXCHANGE, 'refresh_token'],
      scopes: ['openid', 'profile', 'email'],
    });
    await server.dataSource.query('UPDATE clients SET organization_id = ? WHERE client_id = ?', [
      acmeId,
      orgMobileApp.clientId,
    ]);
    const federated = (sub: string, email: string, client: TestClient) =>
      op.idToken({ sub, email, email_verified: true }).then((idToken) =>
        post(client, {
          grant_type: TOKEN_EXCHANGE,
          subject_token: idToken,
          subject_token_type: ID_TOKEN_TYPE,
          scope: 'openid email',
        }),
      );
    const stranger = `user-${randomUUID()}`;
    const unknown = await federated(stranger, `${stranger}@example.test`, orgMobileApp);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: 'invalid_grant' });
    // An org app creates no account: a new one would be no member of its organization.
    const [created] = await server.dataSource.query<{ n: number | string }[]>(
      'SELECT COUNT(*) AS n FROM users WHERE email = ?',
      [`${stranger}@example.test`],
    );
    expect(Number(created.n)).toBe(0);

    const sub = `user-${randomUUID()}`;
    const email = `${sub}@example.test`;
    // The identity's first sign-in, through an app of no organization, creates its user.
    expect((await federated(sub, email, mobileApp)).status).toBe(200);
    const refused = await federated(sub, email, orgMobileApp);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'invalid_grant' });

    const joined = await server.http
      .post(`/orgs/${acme}/members`)
      .auth(ownerToken, { type: 'bearer' })
      .send({ email, role: 'member' });
    expect(joined.status).toBe(201);
    const signedIn = await federated(sub, email, orgMobileApp);
    expect(signedIn.status).toBe(200);
    const body = signedIn.body as TokenBody;
    const expected = { org_id: acmeId, org: acme, org_roles: ['member'], amr: ['fed'] };
    expect(decodeJwt(body.access_token)).toMatchObject(expected);
    expect(decodeJwt(body.id_token ?? '')).toMatchObject(expected);
    const refreshed = await post(orgMobileApp, {
      grant_type: 'refresh_token',
      refresh_token: body.refresh_token ?? '',
    });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt((refreshed.body as TokenBody).access_token)).toMatchObject({ org: acme });
  });
});

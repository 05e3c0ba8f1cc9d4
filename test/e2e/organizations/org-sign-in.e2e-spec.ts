import { aUser, type TestUser } from '../../factories';
import { startTestApp, type TestApp } from '../../support/test-app';
import { addMember, anOrganization, signInForOrgs } from './org-fixtures';

// Lockout after 3 failures, no delays: enough to show that organization refusals count like wrong passwords.
const SMALL_LIMITS = {
  BRUTE_FORCE_FREE_ATTEMPTS: '3',
  BRUTE_FORCE_LOCK_AFTER: '3',
  BRUTE_FORCE_LOCK_SECONDS: '60',
  BRUTE_FORCE_IP_LOCK_AFTER: '1000',
  BRUTE_FORCE_BASE_DELAY_MS: '0',
  RATE_LIMIT_ENABLED: 'false',
};

interface TokenBody {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  scope: string;
}

const claimsOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

describe('organizations: signing in for an organization', () => {
  let server: TestApp;
  let owner: TestUser;
  let ownerToken: string;
  let member: TestUser;
  let outsider: TestUser;
  let acme: string;
  let globex: string;
  let acmeId: string;

  beforeAll(async () => {
    server = await startTestApp(SMALL_LIMITS);
    [owner, member, outsider] = await Promise.all([aUser(server), aUser(server), aUser(server)]);
    ownerToken = await signInForOrgs(server, owner);
    acme = await anOrganization(server, ownerToken);
    globex = await anOrganization(server, ownerToken);
    await addMember(server, ownerToken, acme, member, 'member');
    await addMember(server, ownerToken, globex, member, 'admin');
    acmeId = ((await server.http.get(`/orgs/${acme}`).auth(ownerToken, { type: 'bearer' })).body as { id: string }).id;
  });
  afterAll(() => server.close());

  const passwordGrant = (fields: Record<string, string>, clientId = server.config.portalClientId) =>
    server.http
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'password', client_id: clientId, scope: 'profile orgs:read openid', ...fields });
  const refresh = (refreshToken: string) =>
    server.http
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'refresh_token', client_id: server.config.portalClientId, refresh_token: refreshToken });

  it('signs in as email@org-key: the access token, the ID token and the refresh carry org_id, org and org_roles', async () => {
    const response = await passwordGrant({ username: `${member.email}@${acme}`, password: member.password });
    expect(response.status).toBe(200);
    const body = response.body as TokenBody;
    const expected = { org_id: acmeId, org: acme, org_roles: ['member'] };
    expect(claimsOf(body.access_token)).toMatchObject({ sub: member.id, ...expected });
    expect(body.id_token).toBeDefined();
    expect(claimsOf(body.id_token ?? '')).toMatchObject({ sub: member.id, ...expected });

    const refreshed = await refresh(body.refresh_token ?? '');
    expect(refreshed.status).toBe(200);
    const next = refreshed.body as TokenBody;
    expect(claimsOf(next.access_token)).toMatchObject(expected);
    expect(claimsOf(next.id_token ?? '')).toMatchObject(expected);
  });

  it('signs in with the organization parameter (any case), and with both forms when they agree', async () => {
    const byParameter = await passwordGrant({
      username: member.email,
      password: member.password,
      organization: globex,
    });
    expect(byParameter.status).toBe(200);
    expect(claimsOf((byParameter.body as TokenBody).access_token)).toMatchObject({ org: globex, org_roles: ['admin'] });
    const both = await passwordGrant({
      username: `${member.email.toUpperCase()}@${globex.toUpperCase()}`,
      password: member.password,
      organization: globex,
    });
    expect(both.status).toBe(200);
    expect(claimsOf((both.body as TokenBody).access_token)).toMatchObject({ org: globex });
  });

  it('signs in for no organization with a plain email: no org claims', async () => {
    const response = await passwordGrant({ username: member.email, password: member.password });
    expect(response.status).toBe(200);
    expect(claimsOf((response.body as TokenBody).access_token)).not.toHaveProperty('org');
  });

  it('refuses two different organizations in one request with invalid_request', async () => {
    const response = await passwordGrant({
      username: `${member.email}@${acme}`,
      password: member.password,
      organization: globex,
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_request' });
  });

  it('answers a non-member and an unknown organization exactly like a wrong password', async () => {
    const wrongPassword = await passwordGrant({ username: `${member.email}@${acme}`, password: 'not-the-password' });
    const nonMember = await passwordGrant({ username: `${outsider.email}@${acme}`, password: outsider.password });
    const unknown = await passwordGrant({
      username: member.email,
      password: member.password,
      organization: 'no-such-org',
    });
    for (const response of [wrongPassword, nonMember, unknown]) {
      expect(response.status).toBe(400);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toEqual(wrongPassword.body);
    }
    expect(wrongPassword.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('counts a refusal for the organization toward the lockout like a wrong password', async () => {
    const user = await aUser(server);
    for (let attempt = 0; attempt < 3; attempt++) {
      const refused = await passwordGrant({ username: `${user.email}@${acme}`, password: user.password });
      expect(refused.status).toBe(400);
    }
    // Locked now: even the right password, for no organization, gets the wrong-password answer.
    const locked = await passwordGrant({ username: user.email, password: user.password });
    expect(locked.status).toBe(400);
    expect(locked.body).toMatchObject({ error: 'invalid_grant' });
    const [failures] = await server.dataSource.query<{ n: number | string }[]>(
      "SELECT COUNT(*) AS n FROM audit_events WHERE type = 'user.signin_failed' AND subject = ?",
      [user.id],
    );
    // Three refusals for the organization and the locked attempt, all naming the user.
    expect(Number(failures.n)).toBe(4);
  });

  describe('org apps', () => {
    let app: { client_id: string; client_secret: string };
    const appGrant = (fields: Record<string, string>) =>
      server.http
        .post('/oauth/token')
        .auth(app.client_id, app.client_secret)
        .type('form')
        .send({ grant_type: 'password', scope: 'profile', ...fields });

    beforeAll(async () => {
      const created = await server.http
        .post(`/orgs/${acme}/clients`)
        .auth(ownerToken, { type: 'bearer' })
        .send({ name: 'Acme intranet', grant_types: ['password', 'refresh_token'] });
      app = created.body as typeof app;
    });

    it("signs the organization's members in, always for it, without their naming it", async () => {
      const response = await appGrant({ username: member.email, password: member.password });
      expect(response.status).toBe(200);
      expect(claimsOf((response.body as TokenBody).access_token)).toMatchObject({ org: acme, org_roles: ['member'] });
      const named = await appGrant({ username: `${owner.email}@${acme}`, password: owner.password });
      expect(claimsOf((named.body as TokenBody).access_token)).toMatchObject({ org: acme, org_roles: ['owner'] });
    });

    it('refuses outsiders, and members naming another organization, like a wrong password', async () => {
      const wrong = await appGrant({ username: member.email, password: 'not-the-password' });
      const outsiderAttempt = await appGrant({ username: outsider.email, password: outsider.password });
      const otherOrg = await appGrant({ username: member.email, password: member.password, organization: globex });
      for (const response of [outsiderAttempt, otherOrg]) {
        expect(response.status).toBe(400);
        expect(response.body).toEqual(wrong.body);
      }
    });

    it('introspects its access and refresh tokens with the organization claims', async () => {
      const tokens = (await appGrant({ username: member.email, password: member.password })).body as TokenBody;
      for (const token of [tokens.access_token, tokens.refresh_token ?? '']) {
        const response = await server.http
          .post('/oauth/introspect')
          .auth(app.client_id, app.client_secret)
          .type('form')
          .send({ token });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ active: true, org_id: acmeId, org: acme, org_roles: ['member'] });
      }
    });
  });

  it("refreshes with the member's role as it is now", async () => {
    const user = await aUser(server);
    await addMember(server, ownerToken, acme, user, 'member');
    const first = (await passwordGrant({ username: `${user.email}@${acme}`, password: user.password }))
      .body as TokenBody;
    const promote = await server.http
      .patch(`/orgs/${acme}/members/${user.id}`)
      .auth(ownerToken, { type: 'bearer' })
      .send({ role: 'admin' });
    expect(promote.status).toBe(200);
    // The token with the old role stops working; a refresh carries the new one.
    expect((await server.http.get('/org').auth(first.access_token, { type: 'bearer' })).status).toBe(401);
    const refreshed = await refresh(first.refresh_token ?? '');
    expect(claimsOf((refreshed.body as TokenBody).access_token)).toMatchObject({ org: acme, org_roles: ['admin'] });
  });

  it("ends a removed member's tokens for the organization at once, and only those", async () => {
    const user = await aUser(server);
    await addMember(server, ownerToken, acme, user, 'member');
    const forAcme = (await passwordGrant({ username: `${user.email}@${acme}`, password: user.password }))
      .body as TokenBody;
    const personal = (await passwordGrant({ username: user.email, password: user.password })).body as TokenBody;
    const removed = await server.http.delete(`/orgs/${acme}/members/${user.id}`).auth(ownerToken, { type: 'bearer' });
    expect(removed.status).toBe(204);
    const refused = await refresh(forAcme.refresh_token ?? '');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'invalid_grant' });
    const accessForAcme = await server.http.get('/users/me').auth(forAcme.access_token, { type: 'bearer' });
    expect(accessForAcme.status).toBe(401);
    expect((await server.http.get('/users/me').auth(personal.access_token, { type: 'bearer' })).status).toBe(200);
    expect((await refresh(personal.refresh_token ?? '')).status).toBe(200);
  });

  it('ends every token issued for an organization when it is deleted', async () => {
    const initech = await anOrganization(server, ownerToken);
    await addMember(server, ownerToken, initech, member, 'member');
    const forMember = (await passwordGrant({ username: `${member.email}@${initech}`, password: member.password }))
      .body as TokenBody;
    const forOwner = (await passwordGrant({ username: `${owner.email}@${initech}`, password: owner.password }))
      .body as TokenBody;
    expect((await server.http.delete(`/orgs/${initech}`).auth(ownerToken, { type: 'bearer' })).status).toBe(204);
    for (const tokens of [forMember, forOwner]) {
      expect((await server.http.get('/users/me').auth(tokens.access_token, { type: 'bearer' })).status).toBe(401);
      const refused = await refresh(tokens.refresh_token ?? '');
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: 'invalid_grant' });
    }
  });

  describe('@CurrentOrg() and @OrgRoles() on /org', () => {
    const orgToken = async (user: TestUser, key?: string): Promise<string> => {
      const response = await passwordGrant({
        username: key ? `${user.email}@${key}` : user.email,
        password: user.password,
      });
      return (response.body as TokenBody).access_token;
    };

    it("GET /org answers the token's organization; a token for no organization gets 403", async () => {
      const response = await server.http.get('/org').auth(await orgToken(member, globex), { type: 'bearer' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ key: globex, role: 'admin' });
      const plain = await server.http.get('/org').auth(await orgToken(member), { type: 'bearer' });
      expect(plain.status).toBe(403);
      expect(plain.headers['www-authenticate']).toContain('insufficient_scope');
    });

    it('GET /org/members needs the admin role in the token (an owner has it too)', async () => {
      expect(
        (await server.http.get('/org/members').auth(await orgToken(member, acme), { type: 'bearer' })).status,
      ).toBe(403);
      const admin = await server.http.get('/org/members').auth(await orgToken(member, globex), { type: 'bearer' });
      expect(admin.status).toBe(200);
      expect((admin.body as { total: number }).total).toBeGreaterThanOrEqual(2);
      const asOwner = await server.http.get('/org/members').auth(await orgToken(owner, acme), { type: 'bearer' });
      expect(asOwner.status).toBe(200);
      expect((await server.http.get('/org/members').auth(await orgToken(owner), { type: 'bearer' })).status).toBe(403);
    });
  });
});

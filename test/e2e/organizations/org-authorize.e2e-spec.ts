import { decodeJwt } from 'jose';
import type { Response } from 'supertest';
import { aClient, aUser, signIn, type TestUser } from '../../factories';
import { Browser, pkcePair } from '../../support/interaction/browser';
import { startTestApp, type TestApp } from '../../support/test-app';
import { addMember, anOrganization, signInForOrgs } from './org-fixtures';

const REDIRECT_URI = 'http://127.0.0.1/callback';
const SIGN_IN_FAILED = 'The email or password is incorrect.';

// Lockout after 3 failures, no delays: enough to show that organization refusals count like wrong passwords.
const SMALL_LIMITS = {
  BRUTE_FORCE_FREE_ATTEMPTS: '3',
  BRUTE_FORCE_LOCK_AFTER: '3',
  BRUTE_FORCE_LOCK_SECONDS: '60',
  BRUTE_FORCE_IP_LOCK_AFTER: '1000',
  BRUTE_FORCE_BASE_DELAY_MS: '0',
  RATE_LIMIT_ENABLED: 'false',
};

const CODE_CLIENT = {
  confidential: false,
  grant_types: ['authorization_code', 'refresh_token'],
  scopes: ['openid', 'profile'],
  redirect_uris: [REDIRECT_URI],
};

/** A rendered page without what differs on every rendering (the CSRF token). */
const withoutCsrf = (page: Response): string => page.text.replace(/name="_csrf" value="[^"]*"/, '');

describe('organizations: signing in for an organization through /oauth/authorize', () => {
  let server: TestApp;
  let owner: TestUser;
  let ownerToken: string;
  let member: TestUser;
  let acme: string;
  let globex: string;
  let acmeId: string;
  let clientId: string;

  beforeAll(async () => {
    server = await startTestApp(SMALL_LIMITS);
    [owner, member] = await Promise.all([aUser(server), aUser(server)]);
    ownerToken = await signInForOrgs(server, owner);
    acme = await anOrganization(server, ownerToken);
    globex = await anOrganization(server, ownerToken);
    await addMember(server, ownerToken, acme, member, 'member');
    acmeId = ((await server.http.get(`/orgs/${acme}`).auth(ownerToken, { type: 'bearer' })).body as { id: string }).id;
    const developerToken = await signIn(server, await aUser(server), 'clients:write');
    clientId = (await aClient(server, developerToken, CODE_CLIENT)).client_id;
  });
  afterAll(() => server.close());

  function authorizePath(parameters: Record<string, string>, challenge: string, client = clientId): string {
    return `/oauth/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: client,
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile',
      state: 'state-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...parameters,
    }).toString()}`;
  }

  function redirectParameters(response: Response): URLSearchParams {
    expect(response.status).toBe(303);
    return new URL(response.headers.location).searchParams;
  }

  /** Posts the sign-in form, and allows on the consent page when one comes. */
  async function submitSignIn(browser: Browser, page: Response, email: string, password: string): Promise<Response> {
    const response = await browser.submit(page, '/interaction/sign-in', { email, password });
    if (response.status === 200 && response.text.includes('Allow'))
      return browser.submit(response, '/interaction/consent', { decision: 'allow' });
    return response;
  }

  const exchange = (code: string, verifier: string, client = clientId) =>
    server.http.post('/oauth/token').type('form').send({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
      client_id: client,
    });

  /** Signs in through the form and trades the code; returns the token response. */
  async function tokensThroughForm(
    parameters: Record<string, string>,
    email: string,
    password: string,
    client = clientId,
  ): Promise<{ access_token: string; id_token: string; refresh_token: string }> {
    const browser = new Browser(server);
    const { verifier, challenge } = pkcePair();
    const page = await browser.get(authorizePath(parameters, challenge, client));
    expect(page.status).toBe(200);
    const code = redirectParameters(await submitSignIn(browser, page, email, password)).get('code');
    expect(code).toEqual(expect.any(String));
    const tokens = await exchange(code as string, verifier, client);
    expect(tokens.status).toBe(200);
    return tokens.body as { access_token: string; id_token: string; refresh_token: string };
  }

  it('signs in with the organization parameter: the page shows it, the tokens and their refresh carry its claims', async () => {
    const browser = new Browser(server);
    const page = await browser.get(authorizePath({ organization: acme.toUpperCase() }, pkcePair().challenge));
    expect(page.status).toBe(200);
    expect(page.text).toContain(`for the organization <strong>${acme}</strong>`);

    const tokens = await tokensThroughForm({ organization: acme }, member.email, member.password);
    const expected = { org_id: acmeId, org: acme, org_roles: ['member'] };
    expect(decodeJwt(tokens.access_token)).toMatchObject({ sub: member.id, ...expected });
    expect(decodeJwt(tokens.id_token)).toMatchObject({ sub: member.id, ...expected });
    const refreshed = await server.http
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'refresh_token', client_id: clientId, refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt((refreshed.body as { access_token: string }).access_token)).toMatchObject(expected);
  });

  it('signs in with login_hint email@org (the page offers the email and shows the organization), and with email@org typed', async () => {
    const browser = new Browser(server);
    const page = await browser.get(authorizePath({ login_hint: `${member.email}@${acme}` }, pkcePair().challenge));
    expect(page.text).toContain(`value="${member.email}"`);
    expect(page.text).toContain(`for the organization <strong>${acme}</strong>`);
    const hinted = await tokensThroughForm({ login_hint: `${member.email}@${acme}` }, member.email, member.password);
    expect(decodeJwt(hinted.access_token)).toMatchObject({ org: acme, org_roles: ['member'] });

    const typed = await tokensThroughForm({}, `${member.email}@${acme}`, member.password);
    expect(decodeJwt(typed.access_token)).toMatchObject({ org_id: acmeId, org: acme });
    const plain = await tokensThroughForm({}, member.email, member.password);
    expect(decodeJwt(plain.access_token)).not.toHaveProperty('org');
  });

  it('answers a non-member and an unknown organization exactly like a wrong password', async () => {
    const attempt = async (parameters: Record<string, string>, email: string, password: string) => {
      const browser = new Browser(server);
      const page = await browser.get(authorizePath(parameters, 'A'.repeat(43)));
      return browser.submit(page, '/interaction/sign-in', { email, password });
    };
    // Fresh users for each case, so that no lockout decides an answer.
    const [joined, stranger, otherStranger] = await Promise.all([aUser(server), aUser(server), aUser(server)]);
    await addMember(server, ownerToken, acme, joined, 'member');
    const cases: [Record<string, string>, TestUser, string][] = [
      [{ organization: acme }, stranger, stranger.email],
      [{ organization: 'no-such-org' }, joined, joined.email],
      [{}, otherStranger, `${otherStranger.email}@${acme}`],
    ];
    for (const [parameters, user, email] of cases) {
      const refused = await attempt(parameters, email, user.password);
      const wrongPassword = await attempt(parameters, email, 'not-the-password');
      expect(refused.status).toBe(400);
      expect(refused.text).toContain(SIGN_IN_FAILED);
      expect(withoutCsrf(refused)).toBe(withoutCsrf(wrongPassword));
    }
  });

  it('counts a refusal for the organization toward the lockout like a wrong password', async () => {
    const user = await aUser(server);
    for (let attempt = 0; attempt < 3; attempt++) {
      const browser = new Browser(server);
      const page = await browser.get(authorizePath({ organization: acme }, pkcePair().challenge));
      const refused = await browser.submit(page, '/interaction/sign-in', {
        email: user.email,
        password: user.password,
      });
      expect(refused.text).toContain(SIGN_IN_FAILED);
    }
    // Locked now: even the right password, for no organization, gets the wrong-password answer.
    const browser = new Browser(server);
    const page = await browser.get(authorizePath({}, pkcePair().challenge));
    const locked = await browser.submit(page, '/interaction/sign-in', { email: user.email, password: user.password });
    expect(locked.status).toBe(400);
    expect(locked.text).toContain(SIGN_IN_FAILED);
    const rows = await server.dataSource.query<{ details: unknown }[]>(
      "SELECT details FROM audit_events WHERE type = 'user.signin_failed' AND subject = ?",
      [user.id],
    );
    const reasons = rows.map((row) => {
      const details = (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as { reason?: string };
      return details.reason;
    });
    expect(reasons.filter((reason) => reason === 'organization')).toHaveLength(3);
  });

  it('refuses two different organizations in one request with invalid_request, before any password check', async () => {
    const conflicting = await new Browser(server).get(
      authorizePath({ organization: acme, login_hint: `${member.email}@${globex}` }, pkcePair().challenge),
    );
    expect(redirectParameters(conflicting).get('error')).toBe('invalid_request');
    expect(redirectParameters(conflicting).get('state')).toBe('state-1');

    for (const password of [member.password, 'not-the-password']) {
      const browser = new Browser(server);
      const page = await browser.get(authorizePath({ organization: acme }, pkcePair().challenge));
      const typed = await browser.submit(page, '/interaction/sign-in', {
        email: `${member.email}@${globex}`,
        password,
      });
      expect(redirectParameters(typed).get('error')).toBe('invalid_request');
      expect(browser.hasCookie('__Host-session')).toBe(false);
    }
  });

  it('with a session, signs in again when the member may not sign in for the organization named (login_required for prompt=none)', async () => {
    const outsider = await aUser(server);
    const browser = new Browser(server);
    const page = await browser.get(authorizePath({}, pkcePair().challenge));
    expect(
      redirectParameters(await submitSignIn(browser, page, outsider.email, outsider.password)).get('code'),
    ).toBeTruthy();

    const again = await browser.get(authorizePath({ organization: acme }, pkcePair().challenge));
    expect(again.status).toBe(200);
    expect(again.text).toContain('name="password"');
    const none = await browser.get(authorizePath({ organization: acme, prompt: 'none' }, pkcePair().challenge));
    expect(redirectParameters(none).get('error')).toBe('login_required');

    // A member's session gets a code for the organization at once.
    const memberBrowser = new Browser(server);
    const memberPage = await memberBrowser.get(authorizePath({}, pkcePair().challenge));
    await submitSignIn(memberBrowser, memberPage, member.email, member.password);
    const { verifier, challenge } = pkcePair();
    const direct = redirectParameters(await memberBrowser.get(authorizePath({ organization: acme }, challenge)));
    const tokens = await exchange(direct.get('code') as string, verifier);
    expect(decodeJwt((tokens.body as { access_token: string }).access_token)).toMatchObject({ org: acme });
  });

  it('refuses the code when the member was removed between sign-in and exchange', async () => {
    const user = await aUser(server);
    await addMember(server, ownerToken, acme, user, 'member');
    const browser = new Browser(server);
    const { verifier, challenge } = pkcePair();
    const page = await browser.get(authorizePath({ organization: acme }, challenge));
    const code = redirectParameters(await submitSignIn(browser, page, user.email, user.password)).get('code');
    const removed = await server.http.delete(`/orgs/${acme}/members/${user.id}`).auth(ownerToken, { type: 'bearer' });
    expect(removed.status).toBe(204);
    const tokens = await exchange(code as string, verifier);
    expect(tokens.status).toBe(400);
    expect(tokens.body).toMatchObject({ error: 'invalid_grant' });
  });

  describe('org apps', () => {
    let appId: string;

    beforeAll(async () => {
      const created = await server.http
        .post(`/orgs/${acme}/clients`)
        .auth(ownerToken, { type: 'bearer' })
        .send({ name: 'Acme intranet', ...CODE_CLIENT });
      expect(created.status).toBe(201);
      appId = (created.body as { client_id: string }).client_id;
    });

    it("signs the organization's members in, always for it, and shows the organization", async () => {
      const page = await new Browser(server).get(authorizePath({}, pkcePair().challenge, appId));
      expect(page.text).toContain(`for the organization <strong>${acme}</strong>`);
      const tokens = await tokensThroughForm({}, member.email, member.password, appId);
      expect(decodeJwt(tokens.access_token)).toMatchObject({ org_id: acmeId, org: acme, org_roles: ['member'] });
    });

    it('refuses outsiders, and members naming another organization, like a wrong password', async () => {
      const [outsider, insider] = await Promise.all([aUser(server), aUser(server)]);
      await addMember(server, ownerToken, acme, insider, 'member');
      const attempt = async (parameters: Record<string, string>, email: string, password: string) => {
        const browser = new Browser(server);
        const page = await browser.get(authorizePath(parameters, 'A'.repeat(43), appId));
        return browser.submit(page, '/interaction/sign-in', { email, password });
      };
      const outsiderAttempt = await attempt({}, outsider.email, outsider.password);
      expect(outsiderAttempt.status).toBe(400);
      expect(withoutCsrf(outsiderAttempt)).toBe(withoutCsrf(await attempt({}, outsider.email, 'wrong-password')));
      const otherOrg = await attempt({ organization: globex }, insider.email, insider.password);
      expect(withoutCsrf(otherOrg)).toBe(withoutCsrf(await attempt({ organization: globex }, insider.email, 'x')));
      expect(otherOrg.text).toContain(SIGN_IN_FAILED);
    });
  });
});

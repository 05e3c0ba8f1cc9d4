import { eventually } from '../support/eventually';
import { ID_TOKEN_TYPE, KEY_ENCRYPTION_SECRET, TOKEN_EXCHANGE } from '../support/federation-fixtures';
import { pkcePair } from '../support/interaction/browser';
import { describeOnMysql } from '../support/test-database';
import { MOBILE_APP_CLIENT_ID, startTestOpenIdProvider, TestOpenIdProvider } from '../support/test-openid-provider';
import { Cluster, INSTANCES } from './cluster-harness';
import { FetchBrowser } from './fetch-browser';
// The faults under load run in this file too, so one Jest worker runs the two clusters one after the other:
// two at once (six instances, two HAProxies, two Redis) on two cores would measure the machine, not the
// 1-second propagation, and a lock between two files would leave the waiting worker idle.
import './faults.cases';

const ADMIN = { email: 'admin@example.test', password: 'admin-password-123' };
const LOCK_AFTER = 5;
const SIGNUPS_PER_ADDRESS = 12;

interface TokenResponse {
  access_token: string;
  refresh_token?: string;
}

/**
 * Three built instances on one MariaDB and one Redis behind HAProxy (deploy/haproxy.cfg), as
 * operators run them. MariaDB only: SQLite is one process's file.
 */
describeOnMysql('three instances behind HAProxy', () => {
  let cluster: Cluster;
  let op: TestOpenIdProvider;
  const direct = (index: number) => `http://127.0.0.1:${cluster.ports[index]}`;
  const everyInstance = () => Array.from({ length: INSTANCES }, (_, index) => direct(index));

  async function tokenRequest(base: string, body: Record<string, string>): Promise<Response> {
    return fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
    });
  }
  async function signIn(base: string, user: { email: string; password: string }, scope = 'profile') {
    const response = await tokenRequest(base, {
      grant_type: 'password',
      client_id: 'portal',
      username: user.email,
      password: user.password,
      scope,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as TokenResponse;
  }
  async function aUser(base = cluster.url) {
    const user = { email: `user-${Math.random().toString(36).slice(2)}@example.test`, password: 'a long password 123' };
    const response = await fetch(`${base}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.1' },
      body: JSON.stringify(user),
    });
    expect(response.status).toBe(201);
    return { ...user, id: ((await response.json()) as { id: string }).id };
  }
  const me = (base: string, token: string) =>
    fetch(`${base}/users/me`, { headers: { authorization: `Bearer ${token}` } }).then((response) => response.status);
  async function refusedEverywhereWithin(token: string, withinMs: number): Promise<number> {
    const started = Date.now();
    const refused = await eventually(
      async () => (await Promise.all(everyInstance().map((base) => me(base, token)))).every((status) => status === 401),
      withinMs,
    );
    expect(refused).toBe(true);
    return Date.now() - started;
  }
  beforeAll(async () => {
    op = await startTestOpenIdProvider();
    cluster = await Cluster.start({
      KEY_ENCRYPTION_SECRET,
      IDP_HTTP_TIMEOUT_MS: '5000',
      BRUTE_FORCE_LOCK_AFTER: String(LOCK_AFTER),
      BRUTE_FORCE_FREE_ATTEMPTS: '2',
      BRUTE_FORCE_BASE_DELAY_MS: '10',
      BRUTE_FORCE_MAX_DELAY_MS: '50',
      RATE_LIMIT_OAUTH_PER_ADDRESS: '100000',
      RATE_LIMIT_OAUTH_PER_CLIENT: '100000',
      RATE_LIMIT_PORTAL_PER_ADDRESS: '100000',
      RATE_LIMIT_SIGNUP_PER_ADDRESS: String(SIGNUPS_PER_ADDRESS),
    });
  }, 240_000);
  afterAll(async () => {
    await cluster?.stop();
    await op?.close();
  });

  it('refuses a token revoked through one instance on the others within a second', async () => {
    const { access_token } = await signIn(cluster.url, await aUser());
    const revoked = await fetch(`${direct(0)}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: access_token, client_id: 'portal' }).toString(),
    });
    expect(revoked.status).toBe(200);
    const delay = await refusedEverywhereWithin(access_token, 1_000);
    process.stdout.write(`cluster: revocation refused on every instance after ${delay} ms\n`);
  });

  it("refuses a disabled user's access tokens on every instance within a second", async () => {
    const user = await aUser();
    const { access_token } = await signIn(cluster.url, user);
    const admin = await signIn(cluster.url, ADMIN, 'admin profile');
    const disabled = await fetch(`${direct(1)}/admin/users/${user.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.access_token}` },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disabled.status).toBe(200);
    const delay = await refusedEverywhereWithin(access_token, 1_000);
    process.stdout.write(`cluster: disabled user's token refused on every instance after ${delay} ms\n`);
  });

  it('lets exactly one of 50 concurrent refreshes of one token win, and the reuse ends the family', async () => {
    const { refresh_token } = await signIn(cluster.url, await aUser());
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        tokenRequest(cluster.url, { grant_type: 'refresh_token', client_id: 'portal', refresh_token: refresh_token! }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    // The others lose: invalid_grant, or 503 temporarily_unavailable when the database gave up on a lock.
    expect(statuses.filter((status) => status !== 200).every((status) => status === 400 || status === 503)).toBe(true);
    process.stdout.write(
      `cluster: 50 concurrent refreshes: ${statuses.filter((status) => status === 503).length} lost to 503\n`,
    );
    const winner = (await responses[statuses.indexOf(200)].json()) as TokenResponse;
    const next = await tokenRequest(cluster.url, {
      grant_type: 'refresh_token',
      client_id: 'portal',
      refresh_token: winner.refresh_token!,
    });
    expect(next.status).toBe(400);
  });

  it('shares brute-force counters and rate limits between instances', async () => {
    const user = await aUser();
    // Round robin spreads the guesses over all three instances; the lock still comes after LOCK_AFTER.
    for (let attempt = 0; attempt < LOCK_AFTER; attempt++) {
      const wrong = await tokenRequest(cluster.url, {
        grant_type: 'password',
        client_id: 'portal',
        username: user.email,
        password: 'wrong password',
      });
      expect(wrong.status).toBe(400);
    }
    for (const base of everyInstance()) {
      const right = await tokenRequest(base, {
        grant_type: 'password',
        client_id: 'portal',
        username: user.email,
        password: user.password,
      });
      expect(right.status).toBe(400);
    }

    const signUp = () =>
      fetch(`${cluster.url}/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9' },
        body: JSON.stringify({ email: `rl-${Math.random()}@example.test`, password: 'a long password 123' }),
      }).then((response) => response.status);
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= SIGNUPS_PER_ADDRESS; attempt++) statuses.push(await signUp());
    expect(statuses.slice(0, SIGNUPS_PER_ADDRESS).every((status) => status === 201)).toBe(true);
    expect(statuses[SIGNUPS_PER_ADDRESS]).toBe(429);
  });

  it('signs with the new key on every instance after a rotation through one, and still accepts old tokens', async () => {
    const before = await signIn(cluster.url, ADMIN, 'admin profile');
    const rotated = await fetch(`${direct(2)}/admin/keys/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${before.access_token}` },
    });
    expect(rotated.status).toBe(200);
    const { kid } = (await rotated.json()) as { kid: string };
    const kidOf = (token: string) =>
      (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid: string }).kid;
    for (const base of everyInstance()) {
      expect(await eventually(async () => kidOf((await signIn(base, ADMIN)).access_token) === kid, 1_000)).toBe(true);
      expect(await me(base, before.access_token)).toBe(200);
    }
  });

  it('keeps a browser signed in on one instance signed in on the others (single sign-on)', async () => {
    const user = await aUser();
    const developer = await signIn(cluster.url, await aUser(), 'clients:write');
    const redirectUri = 'http://127.0.0.1/callback';
    const registered = await fetch(`${cluster.url}/clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${developer.access_token}` },
      body: JSON.stringify({
        name: 'sso',
        confidential: false,
        grant_types: ['authorization_code'],
        scopes: ['openid', 'profile'],
        redirect_uris: [redirectUri],
      }),
    });
    expect(registered.status).toBe(201);
    const { client_id } = (await registered.json()) as { client_id: string };
    const authorize = (base: string, challenge: string, prompt?: string) =>
      `${base}/oauth/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id,
        redirect_uri: redirectUri,
        scope: 'openid profile',
        state: 'sso',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        ...(prompt ? { prompt } : {}),
      }).toString()}`;
    const codeIn = (location: string | null) => new URL(location ?? 'http://invalid/').searchParams.get('code');

    // Signs in and consents on the first instance.
    const browser = new FetchBrowser();
    const signInPage = await browser.get(authorize(direct(0), pkcePair().challenge));
    expect(signInPage.text).toContain('name="password"');
    const consent = await browser.submit(signInPage, `${direct(0)}/interaction/sign-in`, {
      email: user.email,
      password: user.password,
    });
    expect(consent.status).toBe(200);
    const allowed = await browser.submit(consent, `${direct(0)}/interaction/consent`, { decision: 'allow' });
    expect(codeIn(allowed.location)).toBeTruthy();

    // The second instance knows the session and the consent: a code at once, even with prompt=none;
    // the third redeems it.
    const { verifier, challenge } = pkcePair();
    const again = await browser.get(authorize(direct(1), challenge, 'none'));
    expect(again.status).toBe(303);
    const code = codeIn(again.location);
    expect(code).toBeTruthy();
    const tokens = await tokenRequest(direct(2), {
      grant_type: 'authorization_code',
      client_id,
      code: code!,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(tokens.status).toBe(200);
    // A browser without that session is asked to sign in by the same instance.
    const stranger = await new FetchBrowser().get(authorize(direct(1), pkcePair().challenge, 'none'));
    expect(new URL(stranger.location!).searchParams.get('error')).toBe('login_required');
  });

  it('spends an external ID token once across instances (token exchange replay records)', async () => {
    const admin = await signIn(cluster.url, ADMIN, 'admin');
    const provider = await fetch(`${cluster.url}/admin/identity-providers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.access_token}` },
      body: JSON.stringify({
        alias: 'test-op',
        type: 'oidc',
        issuer: op.issuer,
        audiences: [MOBILE_APP_CLIENT_ID],
        create_users: true,
      }),
    });
    expect(provider.status).toBe(201);
    const developer = await signIn(cluster.url, await aUser(), 'clients:write');
    const registered = await fetch(`${cluster.url}/clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${developer.access_token}` },
      body: JSON.stringify({
        name: 'exchange',
        confidential: false,
        grant_types: [TOKEN_EXCHANGE],
        scopes: ['profile'],
      }),
    });
    expect(registered.status).toBe(201);
    const { client_id } = (await registered.json()) as { client_id: string };
    const exchange = (base: string, subjectToken: string) =>
      tokenRequest(base, {
        client_id,
        grant_type: TOKEN_EXCHANGE,
        subject_token: subjectToken,
        subject_token_type: ID_TOKEN_TYPE,
      });
    const sub = `replay-${Date.now()}`;
    const idToken = await op.idToken({ sub, email: `${sub}@example.test`, email_verified: true });
    expect((await exchange(direct(0), idToken)).status).toBe(200);
    for (const base of [direct(1), direct(2)]) {
      const replay = await exchange(base, idToken);
      expect(replay.status).toBe(400);
      expect(((await replay.json()) as { error: string }).error).toBe('invalid_grant');
    }
  });
});

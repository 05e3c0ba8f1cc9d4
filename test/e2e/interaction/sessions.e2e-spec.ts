import { Redis } from 'ioredis';
import { aClient, aUser, signIn, TestUser } from '../../factories';
import { sha256Hex } from '../../../src/common/crypto/secrets';
import { Session } from '../../../src/interaction/sessions/session.entity';
import { Browser } from '../../support/interaction/browser';
import { authorizePath, codeFlowTokens } from '../../support/interaction/code-flow';
import { startTestApp, TestApp } from '../../support/test-app';
import { aRedisPrefix, deleteRedisKeys, TEST_REDIS_URL } from '../../support/test-redis';

const REDIRECT_URI = 'http://127.0.0.1/callback';
const SESSION_COOKIE = '__Host-session';
const IDLE_SECONDS = 300;
const ABSOLUTE_SECONDS = 3600;

/** Moves a session's clock back: its last activity and its absolute end, by the store's own fields. */
type AgeSession = (idHash: string, field: 'lastActiveAt' | 'expiresAt', to: Date) => Promise<void>;

const stores = [
  { store: 'the database', redis: false },
  { store: 'Redis', redis: true },
];

describe.each(stores)('Browser sessions in $store, shared by two instances', ({ redis }) => {
  let first: TestApp;
  let second: TestApp;
  let clientId: string;
  let redisClient: Redis | undefined;
  const prefix = aRedisPrefix();

  beforeAll(async () => {
    const env: Record<string, string> = {
      SESSION_IDLE_TTL: String(IDLE_SECONDS),
      SESSION_ABSOLUTE_TTL: String(ABSOLUTE_SECONDS),
      ...(redis ? { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix } : {}),
    };
    first = await startTestApp(env);
    second = await startTestApp(env, { database: first.database });
    if (redis) redisClient = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
    const developerToken = await signIn(first, await aUser(first), 'clients:write');
    clientId = (
      await aClient(first, developerToken, {
        confidential: false,
        grant_types: ['authorization_code'],
        scopes: ['openid', 'profile'],
        redirect_uris: [REDIRECT_URI],
      })
    ).client_id;
  });
  afterAll(async () => {
    await redisClient?.quit();
    await second?.close();
    await first?.close();
    await first?.database.drop();
    if (redis) await deleteRedisKeys(prefix);
  });

  const ageSession: AgeSession = async (idHash, field, to) => {
    if (redisClient) {
      await redisClient.hset(`session:${idHash}`, field, to.getTime());
      return;
    }
    await first.dataSource.getRepository(Session).update({ idHash }, { [field]: to });
  };

  async function signedIn(): Promise<{ browser: Browser; user: TestUser; idHash: string }> {
    const user = await aUser(first);
    const browser = new Browser(first);
    await codeFlowTokens(first, browser, user, clientId, REDIRECT_URI);
    const cookie = browser
      .cookieHeader()
      .split('; ')
      .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`)) as string;
    return { browser, user, idHash: sha256Hex(cookie.slice(SESSION_COOKIE.length + 1)) };
  }

  /** Whether the browser's cookie signs it in on `server`: prompt=none gets a code, not login_required. */
  async function signsIn(server: TestApp, browser: Browser): Promise<boolean> {
    const response = await server.http
      .get(authorizePath(clientId, REDIRECT_URI, { prompt: 'none' }))
      .set('Cookie', browser.cookieHeader());
    const parameters = new URL(response.headers.location).searchParams;
    if (!parameters.has('code')) expect(parameters.get('error')).toBe('login_required');
    return parameters.has('code');
  }

  it('a sign-in on one instance signs the browser in on the other; the cookie lasts the absolute lifetime', async () => {
    const user = await aUser(first);
    const browser = new Browser(first);
    const page = await browser.get(authorizePath(clientId, REDIRECT_URI));
    const signInResponse = await browser.submit(page, '/interaction/sign-in', {
      email: user.email,
      password: user.password,
    });
    const cookie = [signInResponse.headers['set-cookie'] ?? []]
      .flat<string | string[]>()
      .find((line) => line.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toMatch(new RegExp(`Max-Age=${ABSOLUTE_SECONDS}`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    await browser.submit(signInResponse, '/interaction/consent', { decision: 'allow' });
    expect(await signsIn(second, browser)).toBe(true);
  });

  it(`is kept where configured: ${redis ? 'Redis, not the database' : 'the database'}`, async () => {
    const { idHash } = await signedIn();
    const rows = await first.dataSource.query<unknown[]>('SELECT sid FROM sessions WHERE id_hash = ?', [idHash]);
    expect(rows).toHaveLength(redis ? 0 : 1);
    if (redisClient) expect(await redisClient.exists(`session:${idHash}`)).toBe(1);
  });

  it('ends after the idle lifetime without use, on every instance', async () => {
    const { browser, idHash } = await signedIn();
    await ageSession(idHash, 'lastActiveAt', new Date(Date.now() - (IDLE_SECONDS - 30) * 1000));
    expect(await signsIn(second, browser)).toBe(true);
    await ageSession(idHash, 'lastActiveAt', new Date(Date.now() - (IDLE_SECONDS + 1) * 1000));
    expect(await signsIn(second, browser)).toBe(false);
    expect(await signsIn(first, browser)).toBe(false);
  });

  it('use slides the idle end', async () => {
    const { browser, idHash } = await signedIn();
    await ageSession(idHash, 'lastActiveAt', new Date(Date.now() - (IDLE_SECONDS - 10) * 1000));
    expect(await signsIn(first, browser)).toBe(true);
    if (redisClient) expect(await redisClient.pttl(`session:${idHash}`)).toBeGreaterThan((IDLE_SECONDS - 10) * 1000);
    else {
      const row = await first.dataSource.getRepository(Session).findOneByOrFail({ idHash });
      expect(Date.now() - row.lastActiveAt.getTime()).toBeLessThan(60_000);
    }
  });

  it('ends at its absolute end, however recently used', async () => {
    const { browser, idHash } = await signedIn();
    await ageSession(idHash, 'expiresAt', new Date(Date.now() - 1000));
    expect(await signsIn(first, browser)).toBe(false);
  });

  it('a password change ends every session of the user, on every instance', async () => {
    const { browser, user } = await signedIn();
    const otherBrowser = new Browser(second);
    await codeFlowTokens(second, otherBrowser, user, clientId, REDIRECT_URI);
    const bystander = await signedIn();
    const token = await signIn(first, user, 'profile');
    const changed = await second.http
      .post('/users/me/password')
      .auth(token, { type: 'bearer' })
      .send({ current_password: user.password, new_password: 'a-brand-new-password-42' });
    expect(changed.status).toBe(204);
    expect(await signsIn(first, browser)).toBe(false);
    expect(await signsIn(second, otherBrowser)).toBe(false);
    expect(await signsIn(first, bystander.browser)).toBe(true);
  });
});

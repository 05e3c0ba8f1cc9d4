import { aUser, signIn, TestUser } from '../factories';
import { CuttableProxy } from '../support/cuttable-proxy';
import { eventually } from '../support/eventually';
import { basicAuthorization, insertClient, TestClient } from '../support/oauth-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, describeOnMysql, TestDatabase } from '../support/test-database';

const REQUEST_TIMEOUT_MS = 3000;
/** Time for the 503 to travel back on a busy 2-core machine; past it a request counts as hung. */
const MARGIN_MS = 3000;
const IN_FLIGHT = 100;

interface Outcome {
  kind: string;
  status: number | 'hung' | 'network error';
  elapsedMs: number;
  body: unknown;
}

/** "kind status" → how many, for a readable failure. */
function summary(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { kind, status } of outcomes) counts[`${kind} ${status}`] = (counts[`${kind} ${status}`] ?? 0) + 1;
  return counts;
}

describeOnMysql('the database fails in the middle of a burst of requests (MariaDB)', () => {
  let database: TestDatabase;
  let proxy: CuttableProxy;
  let server: TestApp;
  let client: TestClient;
  let user: TestUser;
  let accessToken: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = await CuttableProxy.start({ host: direct.hostname, port: Number(direct.port) || 3306 });
    server = await startTestApp(
      {
        REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
        RATE_LIMIT_ENABLED: 'false',
        // Every attempt counts before the password is checked: 25 parallel sign-ins of one user would lock it.
        BRUTE_FORCE_FREE_ATTEMPTS: '1000',
        BRUTE_FORCE_LOCK_AFTER: '1000',
      },
      { database: { url: proxy.urlFor(database.url), drop: () => Promise.resolve() } },
    );
    client = await insertClient(server, { confidential: true });
    user = await aUser(server);
    accessToken = await signIn(server, user, 'contacts.read');
  });
  afterAll(async () => {
    await server.close();
    await proxy.cut();
    await database.drop();
  });

  /** One request of a mix that all reach the database: token grants, a guarded read, sign-ups. */
  function request(index: number): { kind: string; run: (signal: AbortSignal) => Promise<Response> } {
    const form = (body: Record<string, string>, headers: Record<string, string> = {}) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body).toString(),
    });
    switch (index % 4) {
      case 0:
        return {
          kind: 'client_credentials',
          run: (signal) =>
            fetch(`${server.url}/oauth/token`, {
              ...form(
                { grant_type: 'client_credentials' },
                { authorization: basicAuthorization(client.clientId, client.clientSecret!) },
              ),
              signal,
            }),
        };
      case 1:
        return {
          kind: 'password',
          run: (signal) =>
            fetch(`${server.url}/oauth/token`, {
              ...form({
                grant_type: 'password',
                username: user.email,
                password: user.password,
                client_id: client.clientId,
                client_secret: client.clientSecret!,
              }),
              signal,
            }),
        };
      case 2:
        return {
          kind: 'contacts',
          run: (signal) =>
            fetch(`${server.url}/api/contacts`, { headers: { authorization: `Bearer ${accessToken}` }, signal }),
        };
      default:
        return {
          kind: 'sign-up',
          run: (signal) =>
            fetch(`${server.url}/users`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                email: `burst-${index}-${Date.now()}@example.test`,
                password: 'burst password 123',
              }),
              signal,
            }),
        };
    }
  }

  /** Starts `inFlight` requests at once and calls `fault` once `afterResponses` of them have answered. */
  async function burst(
    afterResponses: number,
    fault: () => void | Promise<void>,
    inFlight = IN_FLIGHT,
  ): Promise<Outcome[]> {
    let answered = 0;
    let faulted = false;
    return Promise.all(
      Array.from({ length: inFlight }, async (_, index): Promise<Outcome> => {
        const { kind, run } = request(index);
        const started = Date.now();
        let outcome: Outcome;
        try {
          const response = await run(AbortSignal.timeout(REQUEST_TIMEOUT_MS + MARGIN_MS));
          const body: unknown = await response.json().catch(() => undefined);
          outcome = { kind, status: response.status, elapsedMs: Date.now() - started, body };
        } catch (error) {
          const hung = (error as Error).name === 'TimeoutError';
          outcome = { kind, status: hung ? 'hung' : 'network error', elapsedMs: Date.now() - started, body: undefined };
        }
        if (++answered === afterResponses && !faulted) {
          faulted = true;
          await fault();
        }
        return outcome;
      }),
    );
  }

  const success = (kind: string): number => (kind === 'sign-up' ? 201 : 200);

  function expectOnlySuccessOr503(outcomes: Outcome[]): void {
    const wrong = outcomes.filter(({ kind, status }) => status !== success(kind) && status !== 503);
    expect(wrong).toEqual([]);
    for (const outcome of outcomes.filter(({ status }) => status === 503)) {
      if (outcome.kind === 'client_credentials' || outcome.kind === 'password') {
        expect(outcome.body).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) });
      } else {
        expect(outcome.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      }
    }
    expect(Math.max(...outcomes.map(({ elapsedMs }) => elapsedMs))).toBeLessThan(REQUEST_TIMEOUT_MS + MARGIN_MS);
  }

  async function expectRecovery(): Promise<void> {
    await proxy.open();
    expect(await eventually(async () => (await fetch(`${server.url}/health`)).status === 200, 20_000)).toBe(true);
    const token = request(0);
    expect(await eventually(async () => (await token.run(AbortSignal.timeout(5000))).status === 200, 20_000)).toBe(
      true,
    );
    // Recovered, not a load test: a smaller burst, so that a busy CI machine does not reach the timeout.
    const after = await burst(Infinity, () => undefined, 20);
    expect(summary(after.filter(({ kind, status }) => status !== success(kind)))).toEqual({});
  }

  it(`answers each of ${IN_FLIGHT} requests in flight when the database refuses connections with success or 503, then recovers`, async () => {
    const outcomes = await burst(10, () => proxy.cut());
    expectOnlySuccessOr503(outcomes);
    expect(outcomes.filter(({ status }) => status === 503).length).toBeGreaterThan(0);
    await expectRecovery();
  }, 90_000);

  it(`answers each of ${IN_FLIGHT} requests in flight when the database stops answering with success or 503 within the timeout, then recovers`, async () => {
    const outcomes = await burst(10, () => proxy.stall());
    expectOnlySuccessOr503(outcomes);
    expect(outcomes.filter(({ status }) => status === 503).length).toBeGreaterThan(0);
    await expectRecovery();
  }, 90_000);
});

import { setTimeout as sleep } from 'node:timers/promises';
import { describeOnMysql } from '../support/test-database';
import { Cluster } from './cluster-harness';
import { LoadAccounts, LoadReport, SteadyLoad } from './steady-load';

/** Concurrent request loops of the load: at most this many requests can be in flight on a killed instance. */
const WORKERS = 4;
/** How long the load runs on either side of a fault. */
const STEADY_MS = 2_000;
const REDIS_DOWN_MS = 2_000;
/** ioredis reconnects with a growing back-off (at most 2 s between attempts). */
const RECOVERY_MS = 2_500;

/**
 * Registered by cluster.e2e-spec.ts, which imports this file (see there why).
 * Faults under a steady mixed load (password, refresh, client credentials, guarded reads) through
 * HAProxy with deploy/haproxy.cfg: an instance killed, a rolling restart, Redis restarted.
 */
describeOnMysql('three instances behind HAProxy, under load', () => {
  let cluster: Cluster;
  let accounts: LoadAccounts;

  async function json<T>(response: Promise<Response>, status: number): Promise<T> {
    const answer = await response;
    const body = (await answer.json()) as T;
    expect({ status: answer.status, body }).toMatchObject({ status });
    return body;
  }
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${cluster.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  /** Runs the load around `fault`; returns what the load saw, and when the fault began and was over. */
  async function underLoad(fault: () => Promise<void>): Promise<LoadReport & { faultAt: number; faultDoneAt: number }> {
    const load = new SteadyLoad(cluster.url, accounts, WORKERS);
    load.start();
    await sleep(STEADY_MS);
    const faultAt = Date.now();
    await fault();
    const faultDoneAt = Date.now();
    await sleep(STEADY_MS);
    const report = await load.stop();
    process.stdout.write(`cluster under load: ${report.answered} answered, failed: ${report.summary}\n`);
    for (const failure of report.failed) {
      process.stdout.write(
        `  ${failure.startedAt - faultAt}..${failure.endedAt - faultAt} ms after the fault: ${failure.operation} ${failure.status ?? ''} ${failure.detail}\n`,
      );
    }
    expect(report.answered).toBeGreaterThan(0);
    return { ...report, faultAt, faultDoneAt };
  }

  beforeAll(async () => {
    cluster = await Cluster.start({
      RATE_LIMIT_OAUTH_PER_ADDRESS: '100000',
      RATE_LIMIT_OAUTH_PER_CLIENT: '100000',
      RATE_LIMIT_PORTAL_PER_ADDRESS: '100000',
    });
    const user = { email: `load-${Date.now()}@example.test`, password: 'a long password 123' };
    await json(post('/users', user), 201);
    const form = new URLSearchParams({
      grant_type: 'password',
      client_id: 'portal',
      username: user.email,
      password: user.password,
      scope: 'clients:write',
    });
    const { access_token } = await json<{ access_token: string }>(
      fetch(`${cluster.url}/oauth/token`, { method: 'POST', body: form }),
      200,
    );
    const client = await json<{ client_id: string; client_secret: string }>(
      post(
        '/clients',
        { name: 'load', grant_types: ['client_credentials'], scopes: ['contacts.read'], confidential: true },
        { authorization: `Bearer ${access_token}` },
      ),
      201,
    );
    accounts = { user, client: { id: client.client_id, secret: client.client_secret } };
  }, 240_000);
  afterAll(() => cluster?.stop());

  it('fails no request but those in flight on an instance killed with -9, and takes it back when restarted', async () => {
    const report = await underLoad(() => cluster.kill(1));
    // In flight on the killed instance: sent before it was gone (its process reaped). HAProxy does
    // not replay them (they may have been processed): it answers 502, or closes the connection
    // without an answer when the client's connection was kept alive, as the instance would have.
    const inFlight = report.failed.filter((failure) => failure.startedAt < report.faultDoneAt);
    expect(report.failed.filter((failure) => failure.startedAt >= report.faultDoneAt)).toEqual([]);
    expect(inFlight.length).toBeLessThanOrEqual(WORKERS);
    for (const failure of inFlight) {
      expect(failure.status === 502 || failure.detail.includes('other side closed')).toBe(true);
    }

    const before = (await cluster.balancerView()).get('app2')!.sessions;
    const rejoined = await underLoad(() => cluster.restart(1));
    expect(rejoined.failed).toEqual([]);
    expect((await cluster.balancerView()).get('app2')!.sessions).toBeGreaterThan(before);
  }, 180_000);

  it('fails no request at all during a rolling restart of every instance', async () => {
    const report = await underLoad(() => cluster.rollingRestart());
    expect(report.failed).toEqual([]);
  }, 300_000);

  it('while Redis is down, answers 503 temporarily_unavailable and nothing else, and recovers when it is back', async () => {
    const report = await underLoad(() => cluster.redis.restart(REDIS_DOWN_MS));
    // The documented degradation (README): the rate-limited routes (/oauth/*, the portal API) and
    // the brute-force counters need Redis, so they answer 503 until it returns; nothing fails otherwise.
    for (const failure of report.failed) {
      expect({ status: failure.status, error: failure.detail }).toEqual({
        status: 503,
        error: 'temporarily_unavailable',
      });
    }
    const lastFailure = Math.max(report.faultAt, ...report.failed.map((failure) => failure.endedAt));
    expect(lastFailure - report.faultDoneAt).toBeLessThan(RECOVERY_MS);
    expect(report.answeredAt.filter((at) => at > lastFailure).length).toBeGreaterThan(0);
    process.stdout.write(
      `cluster: Redis down ${REDIS_DOWN_MS} ms; last failure ${lastFailure - report.faultDoneAt} ms after it was back\n`,
    );
  });
});

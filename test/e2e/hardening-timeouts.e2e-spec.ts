import { loadConfig } from '../../src/config/load-config';
import { HeldConnection, holdConnection } from '../support/raw-socket';
import { startTestApp, TestApp } from '../support/test-app';

// Short limits so the test runs in seconds; the defaults (10 s headers, 15 s whole request, 5 s idle)
// are the same code path. Node's defaults held such connections for about a minute: these tests
// would time out on them.
const LIMITS = { HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_RECEIVE_TIMEOUT_MS: '2000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000' };
/** Longer than any limit above plus Node's 1 s check interval, far shorter than Node's defaults. */
const DRIP_FOR_MS = 8_000;
/** Each test fails (times out) when a connection outlives this: Node's defaults held them ~55-85 s. */
const HELD_AT_MOST_MS = 15_000;

/** Issue #10 item 10: slow headers, a slow body and idle connections are closed, not held. */
describe('server timeouts against slow and idle clients', () => {
  let server: TestApp;
  const held: HeldConnection[] = [];
  const hold = async (): Promise<HeldConnection> => {
    const connection = await holdConnection(server.url);
    held.push(connection);
    return connection;
  };

  beforeAll(async () => {
    server = await startTestApp(LIMITS);
  });
  afterEach(() => held.splice(0).forEach((connection) => connection.destroy()));
  afterAll(() => server.close());

  it('closes a connection that never sends a byte', async () => {
    const connection = await hold();
    await connection.closed;
    expect(connection.isClosed()).toBe(true);
  }, HELD_AT_MOST_MS);

  it('closes a connection whose headers trickle in and never end (slowloris), with 408', async () => {
    const connection = await hold();
    connection.send('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    connection.drip('X-Slow: ' + 'a'.repeat(DRIP_FOR_MS / 100), 100);
    const answer = await connection.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  }, HELD_AT_MOST_MS);

  it('closes a connection whose body trickles in slower than the request limit allows, with 408', async () => {
    const body = JSON.stringify({ email: 'slow@example.test', password: 'a-long-password-123' });
    const connection = await hold();
    connection.send(
      `POST /users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length + DRIP_FOR_MS / 100}\r\n\r\n`,
    );
    connection.drip(body + ' '.repeat(DRIP_FOR_MS / 100), 100);
    const answer = await connection.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  }, HELD_AT_MOST_MS);

  it('answers a request, then closes the kept-alive connection once it idles', async () => {
    const connection = await hold();
    connection.send('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const answer = await connection.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer.toLowerCase()).toContain('keep-alive');
  }, HELD_AT_MOST_MS);

  it('applies the same limits on the management port', async () => {
    const connection = await holdConnection(server.managementUrl);
    held.push(connection);
    connection.send('GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    connection.drip('X-Slow: ' + 'a'.repeat(DRIP_FOR_MS / 100), 100);
    expect(await connection.closed).toMatch(/^HTTP\/1\.1 408 /);
  }, HELD_AT_MOST_MS);

  it('refuses a headers limit longer than the whole request limit at start', () => {
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_RECEIVE_TIMEOUT_MS: '15000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_RECEIVE_TIMEOUT_MS/,
    );
  });
});

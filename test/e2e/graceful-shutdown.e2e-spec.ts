import { connect, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { BuiltServer, startBuiltServer } from '../support/built-server';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const DRAIN_MS = 1500;

/** Opens a raw connection and sends a token request's headers and the first half of its body. */
async function halfSentTokenRequest(port: number): Promise<{ socket: Socket; finish(): Promise<string> }> {
  const body = 'grant_type=client_credentials&client_id=nobody&client_secret=wrong';
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(
    `POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 20)}`,
  );
  return {
    socket,
    finish: async () => {
      socket.write(body.slice(20));
      await closed;
      return received;
    },
  };
}

describe('graceful shutdown on SIGTERM', () => {
  let database: TestDatabase;
  let server: BuiltServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startBuiltServer({ DATABASE_URL: database.url, SHUTDOWN_DRAIN_MS: String(DRAIN_MS) });
  });
  afterAll(async () => {
    await server.stop();
    await database.drop();
  });

  it('answers /health 503 while still serving, finishes the request in flight, then exits 0', async () => {
    const inFlight = await halfSentTokenRequest(server.port);
    server.signal('SIGTERM');
    await sleep(200);

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(JSON.stringify(await health.json())).toContain('draining');
    // The balancer may still send a request or two before its health check notices: they are served.
    expect((await fetch(`${server.url}/.well-known/jwks.json`)).status).toBe(200);

    // After the drain period the server stops accepting, but the half-sent request still gets its answer.
    await sleep(DRAIN_MS);
    const response = await inFlight.finish();
    expect(response).toMatch(/^HTTP\/1\.1 401 /);
    expect(response).toContain('invalid_client');

    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});

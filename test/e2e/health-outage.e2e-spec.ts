import { createServer, Server, Socket } from 'node:net';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, describeOnMysql, TestDatabase } from '../support/test-database';

/** A TCP proxy to the MySQL server that the test can cut and restore, standing in for an outage. */
class CuttableProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<CuttableProxy> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const proxy = new CuttableProxy(target, port);
    await proxy.open();
    return proxy;
  }

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

describeOnMysql('health during a database outage (MySQL)', () => {
  let database: TestDatabase;
  let proxy: CuttableProxy;
  let server: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = await CuttableProxy.start({ host: direct.hostname, port: Number(direct.port) || 3306 });
    const viaProxy = new URL(database.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    server = await startTestApp({}, { database: { url: viaProxy.toString(), drop: () => Promise.resolve() } });
  });
  afterAll(async () => {
    await server.close();
    await proxy.cut();
    await database.drop();
  });

  it('answers 503 while the database is unreachable and 200 again once it is back, without a restart', async () => {
    await server.http.get('/health').expect(200);

    await proxy.cut();
    const down = await server.http.get('/health');
    expect(down.status).toBe(503);
    expect(down.body.error.database.status).toBe('down');

    await proxy.open();
    const recovered = await eventually(async () => (await server.http.get('/health')).status === 200, 15_000);
    expect(recovered).toBe(true);
  });
});

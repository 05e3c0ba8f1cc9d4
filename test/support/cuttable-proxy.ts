import { createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy to the MySQL server that a test can cut (connections refused and reset), stall
 * (connections accepted but nothing forwarded, as a dead network does) and restore.
 */
export class CuttableProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private stalled = false;

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

  /** A DATABASE_URL like `databaseUrl` but through this proxy. */
  urlFor(databaseUrl: string): string {
    const viaProxy = new URL(databaseUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(this.port);
    return viaProxy.toString();
  }

  async open(): Promise<void> {
    if (this.stalled) {
      // Stalled connections hold half-sent queries: drop them so the pool reconnects cleanly.
      this.stalled = false;
      for (const socket of this.sockets) socket.destroy();
    }
    if (this.server?.listening) return;
    this.server = createServer((client) => {
      this.track(client);
      if (this.stalled) return;
      const upstream = new Socket();
      this.track(upstream);
      upstream.connect(this.target.port, this.target.host);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) =>
      this.server?.listening ? this.server.close(() => resolve()) : resolve(),
    );
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** Keeps every connection open but forwards nothing, in either direction. */
  stall(): void {
    this.stalled = true;
    for (const socket of this.sockets) socket.unpipe().pause();
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }
}

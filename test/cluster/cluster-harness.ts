import { ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { BuiltServer, freePort, startBuiltServer } from '../support/built-server';
import { eventually } from '../support/eventually';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const HAPROXY_CFG = join(__dirname, '../../deploy/haproxy.cfg');
export const INSTANCES = 3;
/** Longer than HAProxy's check interval times its fall count (deploy/haproxy.cfg: 500 ms x 2). */
export const DRAIN_MS = 2_000;

/** A Redis server of the cluster's own, so stopping it disturbs no other suite. */
export class PrivateRedis {
  private process?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.launch();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  private async launch(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const listening = () =>
      new Promise<boolean>((resolve) => {
        const socket = createConnection(this.port, '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      });
    if (!(await eventually(listening, 10_000))) throw new Error('redis-server did not start');
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.process?.once('exit', resolve));
    this.process?.kill('SIGKILL');
    await exited;
  }
}

/** Three built instances on one MariaDB database and one Redis, behind HAProxy with deploy/haproxy.cfg. */
export class Cluster {
  readonly instances: BuiltServer[] = [];
  private haproxy?: ChildProcess;
  private haproxyLog = '';

  private constructor(
    readonly url: string,
    private readonly haproxyPort: number,
    readonly ports: number[],
    readonly database: TestDatabase,
    readonly redis: PrivateRedis,
    private readonly env: Record<string, string>,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<Cluster> {
    const database = await createTestDatabase();
    const redis = await PrivateRedis.start();
    const haproxyPort = await freePort();
    const ports = await Promise.all(Array.from({ length: INSTANCES }, () => freePort()));
    const url = `http://127.0.0.1:${haproxyPort}`;
    const cluster = new Cluster(url, haproxyPort, ports, database, redis, {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      ISSUER: url,
      TRUST_PROXY: 'true',
      SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      ADMIN_EMAIL: 'admin@example.test',
      ADMIN_PASSWORD: 'admin-password-123',
      ...env,
    });
    try {
      // The first instance migrates the database; the others start on the migrated schema.
      await cluster.startInstance(0);
      await Promise.all([1, 2].map((index) => cluster.startInstance(index)));
      cluster.startHaproxy();
      await cluster.waitUntilAllServe();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  async startInstance(index: number): Promise<BuiltServer> {
    const server = await startBuiltServer(this.env, this.ports[index]);
    this.instances[index] = server;
    return server;
  }

  /** Every instance healthy, and HAProxy's checks (rise 2 x 500 ms) have seen it. */
  async waitUntilAllServe(): Promise<void> {
    if (!(await eventually(async () => (await this.healthyInstances()) === INSTANCES, 30_000))) {
      throw new Error('not every instance became healthy');
    }
    const throughBalancer = async () => (await fetch(`${this.url}/health`)).status === 200;
    if (!(await eventually(throughBalancer, 10_000))) throw new Error(`HAProxy does not answer:\n${this.haproxyLog}`);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  }

  async healthyInstances(): Promise<number> {
    let up = 0;
    for (const port of this.ports) {
      const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (healthy) up++;
    }
    return up;
  }

  async stop(): Promise<void> {
    this.haproxy?.kill('SIGKILL');
    await Promise.all(this.instances.map((server) => server.stop()));
    await this.redis.stop();
    await this.database.drop();
  }

  private startHaproxy(): void {
    this.haproxy = spawn('haproxy', ['-f', HAPROXY_CFG, '-db'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        HAPROXY_BIND: `127.0.0.1:${this.haproxyPort}`,
        APP1_ADDR: `127.0.0.1:${this.ports[0]}`,
        APP2_ADDR: `127.0.0.1:${this.ports[1]}`,
        APP3_ADDR: `127.0.0.1:${this.ports[2]}`,
      },
    });
    this.haproxy.stderr?.on('data', (chunk: Buffer) => (this.haproxyLog += chunk.toString()));
  }
}

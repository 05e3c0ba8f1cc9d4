import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
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

  /** Down for `downMs`, then back on the same port, empty (no persistence), as a Redis without a volume. */
  async restart(downMs: number): Promise<void> {
    await this.stop();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.launch();
  }
}

/** Three built instances on one MariaDB database and one Redis, behind HAProxy with deploy/haproxy.cfg. */
export class Cluster {
  readonly instances: BuiltServer[] = [];
  private haproxy?: ChildProcess;
  private haproxyLog = '';
  /** Holds a test-only HAProxy file that opens the stats socket (deploy/haproxy.cfg stays as operators run it). */
  private readonly haproxyDir = mkdtempSync(join(tmpdir(), 'cluster-haproxy-'));

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

  /** Every instance healthy, and HAProxy's checks (rise 2 x 500 ms) have put each in rotation. */
  async waitUntilAllServe(): Promise<void> {
    if (!(await eventually(async () => (await this.healthyInstances()) === INSTANCES, 30_000))) {
      throw new Error('not every instance became healthy');
    }
    const allUp = async () => {
      const servers = [...(await this.balancerView()).values()];
      return servers.length === INSTANCES && servers.every((server) => server.status === 'UP');
    };
    if (!(await eventually(allUp, 10_000))) throw new Error(`HAProxy does not see every instance:\n${this.haproxyLog}`);
  }

  /** `kill -9`: no drain, no goodbye; the requests it was serving get no answer from it. */
  async kill(index: number): Promise<void> {
    this.instances[index].signal('SIGKILL');
    await this.instances[index].exited;
  }

  /** Starts instance `index` again on its port and waits until HAProxy sends it requests. */
  async restart(index: number): Promise<void> {
    await this.startInstance(index);
    await this.waitUntilAllServe();
  }

  /** SIGTERM to each instance in turn: it drains and exits, starts again, and is back in rotation before the next. */
  async rollingRestart(): Promise<void> {
    for (let index = 0; index < INSTANCES; index++) {
      const code = await this.instances[index].stop();
      if (code !== 0) throw new Error(`instance ${index} exited with ${code}:\n${this.instances[index].output()}`);
      await this.restart(index);
    }
  }

  /** What HAProxy thinks of each server (app1..app3): its check status and how many requests it was sent. */
  async balancerView(): Promise<Map<string, { status: string; sessions: number }>> {
    const csv = await new Promise<string>((resolve, reject) => {
      let answer = '';
      const socket = createConnection(join(this.haproxyDir, 'stats.sock'));
      socket.on('connect', () => socket.end('show stat\n'));
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    }).catch(() => '');
    const view = new Map<string, { status: string; sessions: number }>();
    for (const row of csv.split('\n').map((line) => line.split(','))) {
      // show stat columns: 0 pxname, 1 svname, 7 stot (sessions total), 17 status.
      if (row[0] === 'servers' && /^app\d$/.test(row[1]))
        view.set(row[1], { status: row[17], sessions: Number(row[7]) });
    }
    return view;
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
    rmSync(this.haproxyDir, { recursive: true, force: true });
  }

  private startHaproxy(): void {
    const statsCfg = join(this.haproxyDir, 'stats.cfg');
    writeFileSync(statsCfg, `global\n  stats socket ${join(this.haproxyDir, 'stats.sock')} mode 600 level user\n`);
    this.haproxy = spawn('haproxy', ['-f', HAPROXY_CFG, '-f', statsCfg, '-db'], {
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

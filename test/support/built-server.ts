import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually } from './eventually';
import { childEnv } from './child-env';

const MAIN = join(__dirname, '../../dist/main.js');

/** The built server (`npm test` builds it first) running as its own process, as `npm start` runs it. */
export interface BuiltServer {
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  signal(signal: NodeJS.Signals): void;
  stop(): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts dist/main.js on a free port with `env` and waits until /health answers 200 (migrations on a busy MariaDB take a while). */
export async function startBuiltServer(env: Record<string, string>, port?: number): Promise<BuiltServer> {
  if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run `npm run build` first (npm test does)');
  const listenPort = port ?? (await freePort());
  const child = spawn(process.execPath, [MAIN], {
    env: childEnv({
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(listenPort),
      MANAGEMENT_PORT: '0',
      ...env,
    }),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${listenPort}`;
  const up = await eventually(
    async () => (await fetch(`${url}/health`).catch(() => undefined))?.status === 200,
    90_000,
  );
  if (!up) {
    child.kill('SIGKILL');
    throw new Error(`the built server did not start on ${url}:\n${output}`);
  }
  return {
    url,
    port: listenPort,
    process: child,
    output: () => output,
    exited,
    signal: (signal) => child.kill(signal),
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

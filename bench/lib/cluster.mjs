// The pieces of a cluster run that are not our server: a private redis-server and HAProxy with
// deploy/haproxy.cfg (the file operators and test/cluster/cluster-harness.ts run), addresses from its env.
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { track } from './processes.mjs';

const HAPROXY_CFG = fileURLToPath(new URL('../../deploy/haproxy.cfg', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const accepts = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function until(check, what) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not come up in ${START_TIMEOUT_MS / 1000} s`);
}

/** redis-server on a free port, no persistence; returns its REDIS_URL. Stopped with the other children. */
export async function startRedis() {
  const port = await freePort();
  track(
    spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    }),
  );
  await until(() => accepts(port), 'redis-server');
  return `redis://127.0.0.1:${port}`;
}

/**
 * HAProxy with deploy/haproxy.cfg in front of `backends` (three host:port addresses, the slots app1..app3;
 * the same address three times puts one instance behind it). Resolves with its URL once every slot answers
 * /health, i.e. once requests are spread over every backend.
 */
export async function startHaproxy(backends) {
  const port = await freePort();
  const [app1, app2, app3] = backends;
  const child = track(
    spawn('haproxy', ['-f', HAPROXY_CFG, '-db'], {
      stdio: 'ignore',
      env: { ...process.env, HAPROXY_BIND: `127.0.0.1:${port}`, APP1_ADDR: app1, APP2_ADDR: app2, APP3_ADDR: app3 },
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const healthy = async () => {
    const answers = await Promise.all(
      backends.map(() =>
        fetch(`${url}/health`).then(
          (response) => response.status === 200,
          () => false,
        ),
      ),
    );
    return child.exitCode === null && answers.every(Boolean);
  };
  await until(healthy, 'haproxy');
  // Health checks (rise 2 x 500 ms) put each slot in rotation one after the other: let the last one rise.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return url;
}

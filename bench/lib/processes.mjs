// Child servers of the benchmark: started as separate processes, awaited on their ready line, always stopped.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 5_000;
const children = new Set();

/**
 * Starts `node <script>` (relative to bench/) with extra env, resolves once it prints `{"ready":true,"port":N}`.
 * Returns { name, pid, url, output(), stop() }.
 */
export function startServer(name, script, env = {}, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, join(BENCH_DIR, script)], {
    cwd: ROOT_DIR,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const remember = (chunk) => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stderr.on('data', remember);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`${name} did not become ready in ${READY_TIMEOUT_MS / 1000} s`)),
      READY_TIMEOUT_MS,
    );
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n--- ${name} output ---\n${output}`));
    };
    let pending = '';
    child.stdout.on('data', (chunk) => {
      pending += chunk.toString('utf8');
      remember(chunk);
      const match = /\{"ready":true,"port":(\d+)\}/.exec(pending);
      if (!match) return;
      pending = '';
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stdout.on('data', remember);
      const port = Number(match[1]);
      resolve({
        name,
        pid: child.pid,
        url: `http://127.0.0.1:${port}`,
        output: () => output,
        stop: () => stopChild(child),
      });
    });
    child.once('exit', (code, signal) => fail(new Error(`${name} exited (${signal ?? code}) before it was ready`)));
  });
}

/** A child that is not one of our ready-line servers (haproxy, redis-server): stopped with the others. */
export function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Stops every child still running (SIGTERM, then SIGKILL after a few seconds). */
export function stopAll() {
  return Promise.all([...children].map(stopChild));
}

/** Last resort on exit: nothing may outlive the harness. */
function killAllNow() {
  for (const child of children) child.kill('SIGKILL');
}

/** Ctrl-C, SIGTERM, an uncaught error or a plain exit: every child server goes down with the harness. */
let exiting = false;

/** True once Ctrl-C or SIGTERM has begun stopping everything: failures after that are expected. */
export const isExiting = () => exiting;

export function installExitHandlers(cleanup) {
  const bail = async (code, reason) => {
    if (exiting) return;
    exiting = true;
    if (reason) console.error(reason);
    const hardStop = setTimeout(() => {
      killAllNow();
      process.exit(code);
    }, STOP_TIMEOUT_MS * 2);
    hardStop.unref();
    try {
      await stopAll();
      await cleanup();
    } finally {
      process.exit(code);
    }
  };
  process.once('SIGINT', () => void bail(130, 'Interrupted: stopping the servers.'));
  process.once('SIGTERM', () => void bail(143, 'Terminated: stopping the servers.'));
  process.once('uncaughtException', (error) => void bail(1, error));
  process.once('unhandledRejection', (error) => void bail(1, error));
  process.once('exit', killAllNow);
}

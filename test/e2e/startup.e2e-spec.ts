import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv } from '../support/child-env';

const MAIN = join(__dirname, '../../dist/main.js');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the built server (npm test builds it first) as a separate process, as `npm start` does. */
function startServer(
  env: Record<string, string>,
  untilStdout?: RegExp,
  { terminal = false } = {},
): Promise<Run & { stop(): Promise<Run> }> {
  const fullEnv = childEnv({ LOG_LEVEL: 'warn', ...env });
  // util-linux `script` gives the server a pseudo-terminal as stdout, as an operator's shell would.
  const child = terminal
    ? spawn('script', ['-qfec', `${JSON.stringify(process.execPath)} ${JSON.stringify(MAIN)}`, '/dev/null'], {
        env: fullEnv,
      })
    : spawn(process.execPath, [MAIN], { env: fullEnv });
  const run: Run = { code: null, signal: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  const exited = new Promise<Run>((resolve) => child.on('exit', (code, signal) => resolve({ ...run, code, signal })));
  const stop = async () => {
    child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve) => {
    if (untilStdout) {
      child.stdout.on('data', () => {
        if (untilStdout.test(run.stdout)) resolve({ ...run, stop });
      });
    }
    void exited.then((result) => resolve({ ...result, stop }));
  });
}

describe('starting the built server', () => {
  let dir: string;

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run `npm run build` first (npm test does)');
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'oauth-start-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '99999' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://user@host/db' }, 'DATABASE_URL'],
  ])('stops with one line naming the variable for %j', async (env, variable) => {
    const result = await startServer(env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(variable);
    expect(result.stderr).not.toMatch(/\s+at /);
  });

  it('migrates the embedded SQLite database, prints the URLs, and shuts down on SIGTERM', async () => {
    const running = await startServer(
      {
        PORT: '0',
        MANAGEMENT_PORT: '0',
        DATABASE_URL: `sqlite:${join(dir, 'oauth.sqlite')}`,
        ISSUER: 'http://localhost:3000',
      },
      /Token endpoint: .*\/oauth\/token/,
    );
    expect(running.stdout).toContain('http://localhost:3000/docs');
    expect(running.stdout).toMatch(/Metrics: +http:\/\/127\.0\.0\.1:\d+\/metrics/);
    expect(existsSync(join(dir, 'oauth.sqlite'))).toBe(true);
    const stopped = await running.stop();
    // Nest closes the app (in-flight requests, the pool), then re-raises the signal it was sent.
    expect(stopped.code === 0 || stopped.signal === 'SIGTERM').toBe(true);
    expect(stopped.stderr).toBe('');
  });

  describe('start-up output', () => {
    const BANNER = /Token endpoint: .*\/oauth\/token/;
    const sqliteEnv = (logLevel: string) => ({
      PORT: '0',
      DATABASE_URL: `sqlite:${join(dir, 'oauth.sqlite')}`,
      ISSUER: 'http://localhost:3000',
      LOG_LEVEL: logLevel,
    });
    const linesOf = (output: string) => output.split(/\r?\n/).filter((line) => line.trim() !== '');

    it('is at most ten lines at info, JSON when stdout is not a terminal, and keeps the route table for debug', async () => {
      const info = await startServer(sqliteEnv('info'), BANNER);
      await info.stop();
      const lines = linesOf(info.stdout);
      expect(lines.length).toBeLessThanOrEqual(10);
      // Log lines are JSON for collectors; only the four-line banner of main.ts is plain text.
      const plain = lines.filter((line) => !line.startsWith('{'));
      expect(plain).toHaveLength(4);
      for (const line of lines.filter((line) => line.startsWith('{'))) {
        expect(() => JSON.parse(line) as unknown).not.toThrow();
      }
      expect(info.stdout).not.toContain('Mapped {');

      const debug = await startServer(sqliteEnv('debug'), BANNER);
      await debug.stop();
      expect(debug.stdout).toMatch(/Mapped \{\/oauth\/token, POST\} route/);
    });

    it('is human-readable, one line per message, when stdout is a terminal', async () => {
      const running = await startServer(sqliteEnv('info'), BANNER, { terminal: true });
      await running.stop();
      const lines = linesOf(running.stdout).filter((line) => !/Session terminated/.test(line));
      expect(lines.length).toBeLessThanOrEqual(10);
      expect(lines.some((line) => line.startsWith('{'))).toBe(false);
      expect(running.stdout).toMatch(/INFO.*\[NestApplication\] Nest application successfully started/);
    });
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialect } from '../support/test-database';

// The benchmark harness end to end, in its shortest form: the built server in a child process, seeded through
// the public API, the open route and the client-credentials grant for 1 s each. Needs `dist/` (npm test builds).
// SQLite pass only: the harness makes its own databases.
const describeOnSqlite = dialect === 'sqlite' ? describe : describe.skip;

interface BenchRow {
  scenario: string;
  requests: number;
  rps: number;
  errors: number;
}

function runHarness(args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bench/run.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    // SIGINT makes the harness stop its own server before it exits.
    const timer = setTimeout(() => child.kill('SIGINT'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describeOnSqlite('benchmark harness (smoke)', () => {
  let out: string;

  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'oauth-bench-smoke-'));
  });

  afterEach(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('runs one short scenario set end to end and reports zero errors', async () => {
    const { code, output } = await runHarness(['--smoke', '--out', out], 25_000);

    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('| scenario |') });
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { rows: BenchRow[] };
    expect(results.rows.map((row) => row.scenario)).toEqual([
      '1. Open route (same handler, no guard)',
      '3. Client credentials, ours RS256',
    ]);
    for (const row of results.rows) {
      expect(row.errors).toBe(0);
      expect(row.requests).toBeGreaterThan(0);
      expect(row.rps).toBeGreaterThan(0);
    }
    expect(readFileSync(join(out, 'results.md'), 'utf8')).toContain('| 3. Client credentials, ours RS256 |');
    expect(readFileSync(join(out, 'ratios.svg'), 'utf8')).toMatch(/^<svg [^>]*>[\s\S]*<\/svg>\n$/);
  }, 30_000);
});

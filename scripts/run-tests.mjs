#!/usr/bin/env node
// Runs the suites on SQLite, then the database suites again on MySQL/MariaDB when a server is
// reachable (always when TEST_MYSQL_URL is set: then an unreachable server is a failure, not a skip).
// Ends with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306/test';
const args = process.argv.slice(2);
const only = args.includes('--sqlite') ? 'sqlite' : args.includes('--mysql') ? 'mysql' : undefined;
const jestArgs = args.filter((arg) => arg !== '--sqlite' && arg !== '--mysql');

const passes = [];
if (only !== 'mysql') passes.push({ name: 'sqlite', env: { TEST_DB: 'sqlite' }, paths: [] });
if (only !== 'sqlite') {
  const explicit = process.env.TEST_MYSQL_URL;
  const url = explicit ?? DEFAULT_MYSQL_URL;
  if (await reachable(url)) {
    passes.push({
      name: 'mysql',
      env: { TEST_DB: 'mysql', TEST_MYSQL_URL: url },
      paths: ['--testPathPatterns', 'test/'],
    });
  } else if (explicit || only === 'mysql') {
    console.error(`MySQL server at ${new URL(url).host} is not reachable; the MySQL suites cannot run.`);
    process.exit(1);
  } else {
    console.log(`No MySQL server at ${new URL(url).host}: running the SQLite pass only.`);
  }
}

const outDir = mkdtempSync(join(tmpdir(), 'oauth-jest-'));
let passed = 0;
let failed = 0;
let skipped = 0;
let ok = true;
for (const pass of passes) {
  console.log(`\n=== Test pass: ${pass.name} ===`);
  const outputFile = join(outDir, `${pass.name}.json`);
  const run = spawnSync('npx', ['jest', '--json', `--outputFile=${outputFile}`, ...pass.paths, ...jestArgs], {
    stdio: 'inherit',
    env: { ...process.env, ...pass.env },
  });
  let results;
  try {
    results = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    console.error(`The ${pass.name} pass produced no results (jest exited with ${run.status}).`);
    ok = false;
    continue;
  }
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + results.numTodoTests;
  if (run.status !== 0 || results.numFailedTestSuites > 0) ok = false;
  if (results.numPassedTests === 0) {
    console.error(`The ${pass.name} pass ran no test.`);
    ok = false;
  }
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok && failed === 0 ? 0 : 1);

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port) || 3306, hostname, () => done(true));
  });
}

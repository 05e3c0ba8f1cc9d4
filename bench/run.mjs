#!/usr/bin/env node
// The benchmark: our server (built, production mode, separate process) against the floor (bench/floor-server.mjs),
// the machine's limits and the
// peers in bench/peers, every ratio measured within one run. `npm run bench` builds first.
//   node bench/run.mjs            full run (under 6 minutes on 2 cores)
//   node bench/run.mjs --quick    shorter runs (under 2 minutes)
//   node bench/run.mjs --soak     2 minutes of steady load on our server: RSS at start, middle and end
//   node bench/run.mjs --smoke    open route + client credentials for 1 s each (the test suite runs this)
//   node bench/run.mjs --cluster  one instance vs three behind HAProxy on MariaDB and Redis (with --quick: shorter)
// Options: --out <dir> (default bench/results/<timestamp>-<mode>), --connections <n>, --duration <s> (per
// scenario), --profile (CPU profiles of our RS256 servers; their top self-time functions, over the whole run and
// within each scenario's measured windows, go to profile.txt).
// BENCH_MYSQL_URL=mysql://user:pass@host:port/any also runs our server on a fresh MySQL database, created on
// that server and dropped after.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selfTimeByPackage, topSelfTime } from './lib/cpu-profile.mjs';
import { measure, measureInterleaved } from './lib/load.mjs';
import { sampleRss } from './lib/memory.mjs';
import { startHaproxy, startRedis } from './lib/cluster.mjs';
import { createBenchDatabase } from './lib/mysql.mjs';
import { installExitHandlers, isExiting, startServer, stopAll } from './lib/processes.mjs';
import { compare, failed, markdownTable, memoryTable, writeResults } from './lib/report.mjs';
import {
  bearerGet,
  bearerGetEachFresh,
  clientCredentialsGrant,
  hasAccessToken,
  passwordGrant,
  passwordGrantOnce,
  plainGet,
  refreshTokenGrant,
  refreshTokenPool,
} from './lib/requests.mjs';
import { peerTarget, seedContacts, seedOurServer } from './lib/seed.mjs';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
/** The servers `--profile` profiles (their CPU profile is `<name with dashes>.cpuprofile`). */
const PROFILED = ['ours RS256', 'ours RS256 MySQL'];

const MODES = {
  full: { duration: 10, warmup: 2, slices: 5 },
  quick: { duration: 3, warmup: 1, slices: 3 },
  smoke: { duration: 1, warmup: 0, slices: 1 },
  soak: { duration: 120, warmup: 0, slices: 1 },
};

function parseOptions(argv) {
  const value = (flag) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const mode = ['--smoke', '--soak', '--quick'].find((flag) => argv.includes(flag))?.slice(2) ?? 'full';
  const timestamp = new Date().toISOString().replace(/[:.]/g, '-');
  return {
    mode,
    ...MODES[mode],
    connections: Number(value('--connections') ?? 10),
    ...(value('--duration') ? { duration: Number(value('--duration')) } : {}),
    out: value('--out') ?? join(BENCH_DIR, 'results', `${timestamp}-${mode}`),
    profile: argv.includes('--profile'),
    mysqlUrl: process.env.BENCH_MYSQL_URL,
    cluster: argv.includes('--cluster'),
  };
}

const options = parseOptions(process.argv.slice(2));
const scratch = mkdtempSync(join(tmpdir(), 'oauth-bench-'));
const databases = [];
installExitHandlers(async () => {
  await Promise.allSettled(databases.map((database) => database.drop()));
  rmSync(scratch, { recursive: true, force: true });
});

const rows = [];
const memory = {};
const MAX_SOAK_GROWTH = 1.1;
let soakVerdict;
const log = (line) => console.log(`[bench] ${line}`);

/** The V8 flags `npm start` gives the server (package.json), so the benchmark runs it as production does. */
const START_FLAGS = JSON.parse(readFileSync(join(BENCH_DIR, '..', 'package.json'), 'utf8'))
  .scripts.start.split(/\s+/)
  .filter((word) => word.startsWith('--'));

/** Our server: built app + bench module, production mode, with `npm start`'s V8 flags, a fresh database of its own. */
function startOurs(name, { jwtAlg = 'RS256', databaseUrl, profile = false, env = {} } = {}) {
  return startServer(
    name,
    'bench-server.mjs',
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ISSUER: 'http://127.0.0.1',
      JWT_ALG: jwtAlg,
      // Rate limiting stays on (its cost is part of every request) with limits no benchmark reaches.
      RATE_LIMIT_OAUTH_PER_ADDRESS: '1000000000',
      RATE_LIMIT_OAUTH_PER_CLIENT: '1000000000',
      RATE_LIMIT_SIGNUP_PER_ADDRESS: '1000000000',
      RATE_LIMIT_PORTAL_PER_ADDRESS: '1000000000',
      RATE_LIMIT_WRITES_PER_USER: '1000000000',
      // Brute-force counting stays on too, but every connection signs in as the one bench user at once, and
      // attempts in flight count before they finish: the progressive delay would be measured, not the grant.
      BRUTE_FORCE_FREE_ATTEMPTS: '999',
      BRUTE_FORCE_LOCK_AFTER: '1000',
      BRUTE_FORCE_IP_LOCK_AFTER: '1000000',
      DATABASE_URL: databaseUrl ?? `sqlite:${join(scratch, `${name}.sqlite`)}`,
      ...(profile ? { BENCH_CPU_PROFILE: join(options.out, `${name.replace(/\s+/g, '-')}.cpuprofile`) } : {}),
      ...env,
    },
    START_FLAGS,
  );
}

function startPeer(name, script, env = {}) {
  return startServer(name, join('peers', script), env).then(peerTarget);
}

function record(label, target, result) {
  const row = { scenario: label, server: target.name, ...result };
  rows.push(row);
  const status = failed(row) ? `FAILED (${row.errors} errors)` : 'ok';
  log(`${label}: ${row.rps.toFixed(0)} req/s, p99 ${row.p99} ms, ${status}`);
  return row;
}

/** Measures one scenario on its own and records its row. */
async function scenario(label, target, requests, { check } = {}) {
  const { connections, duration, warmup } = options;
  const result = await measure({ url: target.url, requests, connections, duration, warmup, check });
  return record(label, target, result);
}

/** Measures scenarios that are compared with each other in alternating slices (see measureInterleaved). */
async function group(entries) {
  const { connections, duration, warmup, slices } = options;
  const results = await measureInterleaved(
    entries.map(({ target, ...entry }) => ({ url: target.url, ...entry })),
    { connections, duration, warmup, slices },
  );
  return entries.map((entry, i) => record(entry.label, entry.target, results[i]));
}

/**
 * A machine limit measured in a process of its own at the same concurrency: `script` (in bench/lib) keeps that
 * many operations in flight for the given seconds and prints one JSON line (argon2-rate.mjs, rsa-sign-rate.mjs).
 */
function machineRate(script) {
  return (seconds) =>
    new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [join(BENCH_DIR, 'lib', script), String(seconds), String(options.connections)],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${script} failed`))));
    });
}

/** Token-endpoint runs check that each 2xx really carries a token. */
const withToken = { check: hasAccessToken };

/** Scenarios 1 to 5 on our RS256 server, each beside its reference and the peers. */
async function comparisons({ ours, floor, es256, eddsa, peers }) {
  const user = await passwordGrantOnce(ours, 'contacts.read contacts.write');
  memory['idle (after seeding)'] = ours.rss.now();
  // A cold server (JIT, pools) would handicap whichever scenario runs first: warm every path it takes.
  await measure({
    url: ours.url,
    connections: options.connections,
    duration: 2 * options.warmup,
    requests: [
      ...plainGet('/bench/open'),
      ...bearerGet('/bench/guarded', user.access_token),
      ...clientCredentialsGrant(ours),
    ],
  });

  // 1. The pipeline (the same handler on a bare NestJS-on-Fastify app) and the guard (with and without it).
  const [floorRow, open, cached] = await group([
    {
      label: '1. Floor: bare NestJS on Fastify, one GET route (same handler)',
      target: floor,
      requests: plainGet('/bench/open'),
    },
    { label: '1. Open route (same handler, no guard)', target: ours, requests: plainGet('/bench/open') },
    {
      label: '1. Guarded route, one token (cache hit)',
      target: ours,
      requests: bearerGet('/bench/guarded', user.access_token),
    },
  ]);
  open.ratio = compare(open, floorRow, { min: 0.5, against: 'vs the floor' });
  cached.ratio = compare(cached, open, { min: 0.95, against: 'vs open route' });

  // 3 and 4. Client credentials: ours with each key type and the peers. Ours RS256 keeps its tokens for the
  // fresh-token guard run below.
  const freshTokens = [];
  const jmondiRs = peers.find((peer) => peer.name === 'jmondi RS256');
  const [rsaSign, clientCredentials, ...otherCredentials] = await group([
    {
      label: '3. RSA-2048 signing, crypto.sign in the threadpool, same concurrency (machine limit)',
      target: { name: 'crypto.sign' },
      run: machineRate('rsa-sign-rate.mjs'),
    },
    {
      label: '3. Client credentials, ours RS256',
      target: ours,
      requests: clientCredentialsGrant(ours, (token) => freshTokens.push(token)),
      ...withToken,
    },
    ...[es256, eddsa, ...peers].map((target) => ({
      label: `4. Client credentials, ${target.name}`,
      target,
      requests: clientCredentialsGrant(target),
      ...withToken,
    })),
  ]);
  const [es256Row, eddsaRow, ...peerCredentials] = otherCredentials;
  rsaSign.ratio = compare(clientCredentials, rsaSign, { against: 'ours RS256 ÷ this (how far from bare signing)' });
  // Only jmondi RS256 is apples to apples (a JWT signed with RSA-2048 on both sides): HS256 is a shared-secret
  // HMAC, and node-oauth issues opaque random tokens.
  peerCredentials.forEach((row, i) => {
    const sameAlg = peers[i] === jmondiRs;
    row.ratio = compare(clientCredentials, row, {
      min: sameAlg ? 1.5 : undefined,
      against: sameAlg ? 'ours RS256 ÷ this (same alg)' : 'ours RS256 ÷ this (other token)',
    });
  });
  const jmondiRsRow = peerCredentials[peers.indexOf(jmondiRs)];
  es256Row.ratio = compare(es256Row, jmondiRsRow, { against: 'vs jmondi RS256' });
  eddsaRow.ratio = compare(eddsaRow, jmondiRsRow, { against: 'vs jmondi RS256' });
  rows.push({
    scenario: '4. Client credentials, ours HS256',
    unsupported: 'not supported: asymmetric keys only, by design (resource servers verify with the public JWKS)',
  });

  // 1. Every token of the client-credentials run, each sent once: a cache miss and a signature check each.
  await freshTokenRun(ours, freshTokens);

  // 2 and 4. The password grant beside the machine's own argon2id rate and the peers.
  const [argon2, password, ...peerPasswords] = await group([
    {
      label: '2. argon2id verify, same parameters and concurrency (machine limit)',
      target: { name: 'argon2' },
      run: machineRate('argon2-rate.mjs'),
    },
    { label: '2. Password grant, ours', target: ours, requests: passwordGrant(ours), ...withToken },
    ...peers.map((peer) => ({
      label: `4. Password grant, ${peer.name}`,
      target: peer,
      requests: passwordGrant(peer),
      ...withToken,
    })),
  ]);
  password.ratio = compare(password, argon2, { min: 0.85, against: 'vs argon2id verify' });
  // Ours ÷ peer on each peer's row: ≥ 1 against every peer is ≥ the best peer.
  peerPasswords.forEach((row) => (row.ratio = compare(password, row, { min: 1, against: 'ours ÷ this' })));

  // 3 and 4. Refresh-token rotation, ours and the peers.
  const refreshEntries = [];
  for (const target of [ours, ...peers]) {
    const pool = [];
    refreshEntries.push({
      label: target === ours ? '3. Refresh token grant, ours' : `4. Refresh token grant, ${target.name}`,
      target,
      requests: refreshTokenGrant(target, pool),
      before: () => refreshTokenPool(target, 2 * options.connections, pool),
      ...withToken,
    });
  }
  const [refresh, ...peerRefreshes] = await group(refreshEntries);
  peerRefreshes.forEach((row) => (row.ratio = compare(refresh, row, { min: 1, against: 'ours ÷ this' })));

  // 5. A real resource: a database read behind the guard.
  await seedContacts(ours, user.access_token);
  const contacts = await scenario('5. GET /api/contacts, SQLite', ours, bearerGet('/api/contacts', user.access_token));
  contacts.ratio = compare(contacts, open, { against: 'vs open route' });
  memory['peak under load'] = ours.rss.peak();
}

/**
 * The fresh-token rows: the guarded route with a never seen token on each request, beside the open route sent the
 * very same requests (a distinct bearer header built per request, which the open route never reads), in
 * alternating slices. Building each request costs the load generator, on the same cores, over twice a reused
 * request: against the plain open route the ratio would measure that too, not only the guard. The tokens are split
 * in shares, one per slice (after one sent as warm-up); each share is timed from its first request to its last
 * response and sent to both routes: the open route never verifies nor caches it, so each guarded request is still
 * the token's first check.
 */
async function freshTokenRun(ours, tokens) {
  const { connections, duration, warmup, slices } = options;
  const count = slices + (warmup > 0 ? 1 : 0);
  const shares = Array.from({ length: count }, (_, i) =>
    tokens.slice(Math.floor((i * tokens.length) / count), Math.floor(((i + 1) * tokens.length) / count)),
  );
  const label = '1. Guarded route, fresh token each request (signature check)';
  if (shares[0].length < 2 * connections) {
    log(`${label}: skipped, ${tokens.length} tokens are too few for ${count} shares`);
    return;
  }
  // All but `connections` of a share: the requests still in flight when the amount is reached never run dry.
  const send = (path, share) =>
    measure({
      url: ours.url,
      requests: bearerGetEachFresh(path, share),
      connections,
      duration,
      amount: share.length - connections,
    });
  const openShares = [...shares];
  const guardedShares = [...shares];
  if (warmup > 0) {
    await send('/bench/open', openShares.shift());
    await send('/bench/guarded', guardedShares.shift());
  }
  const [openRow, fresh] = await group([
    {
      label: '1. Open route, the same requests (a fresh bearer token each, never read)',
      target: ours,
      run: () => send('/bench/open', openShares.shift()),
    },
    { label, target: ours, run: () => send('/bench/guarded', guardedShares.shift()) },
  ]);
  fresh.ratio = compare(fresh, openRow, { min: 0.8, against: 'vs open route, same requests' });
}

async function onMysql(server) {
  const user = await passwordGrantOnce(server, 'contacts.read contacts.write');
  await seedContacts(server, user.access_token);
  await scenario('5. GET /api/contacts, MySQL', server, bearerGet('/api/contacts', user.access_token));
  await scenario('3. Client credentials, ours RS256, MySQL', server, clientCredentialsGrant(server), withToken);
  const pool = [];
  await group([
    {
      label: '3. Refresh token grant, ours, MySQL',
      target: server,
      requests: refreshTokenGrant(server, pool),
      before: () => refreshTokenPool(server, 2 * options.connections, pool),
      ...withToken,
    },
  ]);
}

async function mysqlDatabase() {
  if (!options.mysqlUrl) return undefined;
  const database = await createBenchDatabase(options.mysqlUrl);
  databases.push(database);
  return database.url;
}

async function withRss(server) {
  server.rss = sampleRss(server.pid);
  return server;
}

async function fullRun() {
  const mysqlUrl = await mysqlDatabase();
  log('starting our server (RS256, ES256, EdDSA), the floor and the peers');
  const [ours, floor, es256, eddsa, jmondiHs, jmondiRs, nodeOauth, oursMysql] = await Promise.all([
    startOurs('ours RS256', { profile: options.profile }).then(seedOurServer).then(withRss),
    startServer('floor', 'floor-server.mjs'),
    startOurs('ours ES256', { jwtAlg: 'ES256' }).then(seedOurServer),
    startOurs('ours EdDSA', { jwtAlg: 'EdDSA' }).then(seedOurServer),
    startPeer('jmondi HS256', 'jmondi-server.js', { PEER_JWT_ALG: 'HS256' }),
    startPeer('jmondi RS256', 'jmondi-server.js', { PEER_JWT_ALG: 'RS256' }),
    startPeer('node-oauth', 'node-oauth-server.js'),
    mysqlUrl
      ? startOurs('ours RS256 MySQL', { databaseUrl: mysqlUrl, profile: options.profile }).then(seedOurServer)
      : undefined,
  ]);
  await comparisons({ ours, floor, es256, eddsa, peers: [jmondiHs, jmondiRs, nodeOauth] });
  if (oursMysql) await onMysql(oursMysql);
  ours.rss.stop();
}

async function smokeRun() {
  const ours = await startOurs('ours RS256', { profile: options.profile }).then(seedOurServer).then(withRss);
  memory['idle (after seeding)'] = ours.rss.now();
  const open = await scenario('1. Open route (same handler, no guard)', ours, plainGet('/bench/open'));
  const credentials = await scenario(
    '3. Client credentials, ours RS256',
    ours,
    clientCredentialsGrant(ours),
    withToken,
  );
  credentials.ratio = compare(credentials, open, { against: 'vs open route' });
  memory['peak under load'] = ours.rss.peak();
  ours.rss.stop();
}

/** Steady load for 2 minutes (a client-credentials token, then the guarded route with it): RSS must not grow. */
async function soakRun() {
  const ours = await startOurs('ours RS256', { profile: options.profile }).then(seedOurServer).then(withRss);
  memory['idle (after seeding)'] = ours.rss.now();
  const marks = [
    [0.1, 'soak start (after 10% of the run)'],
    [0.5, 'soak middle'],
    [0.98, 'soak end'],
  ].map(([at, label]) => setTimeout(() => (memory[label] = ours.rss.now()), at * options.duration * 1000));
  const [tokenRequest] = clientCredentialsGrant(ours);
  const requests = [
    {
      ...tokenRequest,
      onResponse: (status, body, context) => {
        if (status === 200) context.token = JSON.parse(body).access_token;
      },
    },
    {
      method: 'GET',
      path: '/bench/guarded',
      setupRequest: (request, context) => ({ ...request, headers: { authorization: `Bearer ${context.token}` } }),
    },
  ];
  await scenario('6. Soak: client credentials + guarded route with that token', ours, requests);
  marks.forEach(clearTimeout);
  memory['peak under load'] = ours.rss.peak();
  ours.rss.stop();
  // The verified-token cache fills during the first half (it is bounded); after that RSS must stay flat.
  const growth = memory['soak end'] / memory['soak middle'];
  soakVerdict = `RSS growth over the second half (end ÷ middle): ${growth.toFixed(2)}, target ≤ ${MAX_SOAK_GROWTH}: ${growth <= MAX_SOAK_GROWTH ? 'met' : '**not met**'}`;
}

/**
 * Several instances (issue #17): three on one MariaDB database and one Redis, each scenario measured in
 * alternating slices against (a) one instance directly, (b) that instance alone behind HAProxy (all three
 * slots of deploy/haproxy.cfg point at it) and (c) all three behind HAProxy.
 */
async function clusterRun() {
  const database = await createBenchDatabase(options.mysqlUrl ?? 'mysql://root@127.0.0.1:3306/test');
  databases.push(database);
  const env = { REDIS_URL: await startRedis(), TRUST_PROXY: 'true' };
  const start = (index) => startOurs(`instance ${index}`, { databaseUrl: database.url, env });
  log('starting three instances on MariaDB + Redis, and HAProxy');
  // The first instance migrates the database; the others start on the migrated schema.
  const first = await start(1).then(seedOurServer);
  const others = await Promise.all([start(2), start(3)]);
  const address = (server) => new URL(server.url).host;
  const [oneBalanced, threeBalanced] = await Promise.all([
    startHaproxy([first, first, first].map(address)),
    startHaproxy([first, ...others].map(address)),
  ]);
  const targets = [
    { ...first, name: 'one instance, direct' },
    { ...first, name: 'one instance via HAProxy', url: oneBalanced },
    { ...first, name: 'three instances via HAProxy', url: threeBalanced },
  ];
  const user = await passwordGrantOnce(first, 'contacts.read contacts.write');
  await seedContacts(first, user.access_token);
  const scenarios = [
    ['Client credentials', (target) => ({ requests: clientCredentialsGrant(target), ...withToken })],
    [
      'Refresh token grant',
      (target, pool = []) => ({
        requests: refreshTokenGrant(target, pool),
        before: () => refreshTokenPool(target, 2 * options.connections, pool),
        ...withToken,
      }),
    ],
    ['GET /api/contacts (guarded read)', () => ({ requests: bearerGet('/api/contacts', user.access_token) })],
  ];
  for (const [name, entry] of scenarios) {
    const [direct, one, three] = await group(
      targets.map((target) => ({ label: `7. ${name}, ${target.name}`, target, ...entry(target) })),
    );
    one.ratio = compare(one, direct, { against: 'vs one direct (the HAProxy hop)' });
    three.ratio = compare(three, one, { against: 'three ÷ one, both via HAProxy' });
  }
}

/**
 * profile.txt: for each profiled server, the busiest functions and packages over its whole run, then the
 * busiest functions within each scenario's measured windows (shares of the server's busy main thread).
 */
function writeProfiles() {
  const line = (f) => `${f.percent.toFixed(1).padStart(5)}%  ${f.name}  ${f.location ?? ''}`.trimEnd();
  const profile = {};
  const text = [];
  for (const server of PROFILED) {
    const file = join(options.out, `${server.replace(/\s+/g, '-')}.cpuprofile`);
    if (!existsSync(file)) continue;
    const scenarios = rows
      .filter((row) => row.server === server && row.windows?.length)
      .map((row) => ({ scenario: row.scenario, functions: topSelfTime(file, 10, row.windows) }));
    profile[server] = { functions: topSelfTime(file), packages: selfTimeByPackage(file), scenarios };
    text.push(`# ${server}, the whole run`, 'By function:', ...profile[server].functions.map(line));
    text.push('', 'By package:', ...profile[server].packages.map(line), '');
    for (const { scenario, functions } of scenarios) text.push(`## ${scenario}`, ...functions.map(line), '');
  }
  writeFileSync(join(options.out, 'profile.txt'), text.join('\n'));
  return profile;
}

function machine() {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  return { cpus: availableParallelism(), cpu, node: process.version, date: new Date().toISOString() };
}

async function main() {
  mkdirSync(options.out, { recursive: true });
  const started = Date.now();
  const run = options.cluster
    ? clusterRun
    : { full: fullRun, quick: fullRun, smoke: smokeRun, soak: soakRun }[options.mode];
  await run();
  await stopAll();
  const profile = options.profile ? writeProfiles() : undefined;
  const host = machine();
  const settings =
    `${options.mode}${options.cluster ? ' cluster' : ''} run, ${options.connections} connections, ${options.duration} s per scenario after ` +
    `${options.warmup} s of warm-up; compared scenarios run in ${options.slices} alternating slices`;
  // By scenario number (1 to 7), keeping the order of measurement within each.
  rows.sort((a, b) => Number.parseInt(a.scenario, 10) - Number.parseInt(b.scenario, 10));
  const markdown = [
    `Machine: ${host.cpus} CPUs (${host.cpu}), Node ${host.node}, ${host.date}. ${settings}.`,
    '',
    markdownTable(rows),
    ...(Object.keys(memory).length > 0 ? ['', memoryTable(memory)] : []),
    ...(soakVerdict ? ['', soakVerdict] : []),
  ].join('\n');
  writeResults(options.out, { markdown, rows, json: { machine: host, options, rows, memory, soakVerdict, profile } });
  console.log(`\n${markdown}\n`);
  if (profile)
    console.log(
      `CPU profile of our server (top self time):\n${readFileSync(join(options.out, 'profile.txt'), 'utf8')}`,
    );
  log(`results in ${options.out} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const failures = rows.filter(failed);
  if (failures.length > 0) {
    console.error(
      `[bench] ${failures.length} scenario(s) FAILED with errors: ${failures.map((r) => r.scenario).join('; ')}`,
    );
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  if (!isExiting()) console.error(error);
  process.exitCode = 1;
} finally {
  await stopAll();
  await Promise.allSettled(databases.map((database) => database.drop()));
  rmSync(scratch, { recursive: true, force: true });
}

// One measured run with autocannon (as a library, in this harness process, apart from the servers).
import autocannon from 'autocannon';

const REQUEST_TIMEOUT_SECONDS = 10;

/**
 * Runs `requests` (autocannon request objects) against `url` for `duration` seconds (or `amount` requests),
 * after `warmup` seconds of the same load that are not measured. `check(status, body)` may count a 2xx with a
 * wrong body as an error; it needs the body, so give it only where the body matters.
 */
export async function measure({ url, requests, connections, duration, amount, warmup = 0, check }) {
  if (warmup > 0 && !amount) await run({ url, requests, connections, duration: warmup });
  const bad = { count: 0, sample: undefined };
  const observed = check
    ? requests.map((request) => ({
        ...request,
        onResponse(status, body, context, headers) {
          if (status >= 200 && status < 300 && !check(body)) {
            bad.count += 1;
            bad.sample ??= body.slice(0, 300);
          }
          request.onResponse?.(status, body, context, headers);
        },
      }))
    : requests;
  const windowStart = monotonicMicros();
  const startedAt = performance.now();
  let lastResponseAt = startedAt;
  const running = run({ url, requests: observed, connections, duration, amount });
  running.on('response', () => (lastResponseAt = performance.now()));
  const result = await running;
  // autocannon ends a run on its next sample tick (every second): a run of `amount` requests ends at its last response.
  const elapsedSeconds = amount ? (lastResponseAt - startedAt) / 1000 : (result.finish - result.start) / 1000;
  const errors = result.errors + result.timeouts + result.non2xx + bad.count;
  return {
    rps: result.requests.total / elapsedSeconds,
    requests: result.requests.total,
    seconds: elapsedSeconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    windows: [[windowStart, monotonicMicros()]],
    detail: {
      non2xx: result.non2xx,
      socketErrors: result.errors,
      timeouts: result.timeouts,
      badBodies: bad.count,
      badBodySample: bad.sample,
      statusCodes: result.statusCodeStats,
      seconds: elapsedSeconds,
      connections,
    },
  };
}

/**
 * Measures several scenarios in alternating slices (A B C, C B A, A B C, ...) so that a change in the
 * machine's background load hits each of them alike: the ratios between them are what the benchmark reports.
 * An entry is { url, requests, check } for autocannon, or { run(seconds) } for a measurement of its own;
 * `before()`, when present, runs (unmeasured) before each of its slices.
 * Merged: requests/s over all slices, p50 the request-weighted mean of the slices' p50, p99 the worst slice's.
 */
export async function measureInterleaved(entries, { slices, duration, warmup, connections }) {
  const runFor = async (entry, seconds) => {
    await entry.before?.();
    if (!entry.run)
      return measure({ url: entry.url, requests: entry.requests, connections, duration: seconds, check: entry.check });
    const start = monotonicMicros();
    const result = await entry.run(seconds);
    return { ...result, windows: result.windows ?? [[start, monotonicMicros()]] };
  };
  for (const entry of entries) if (warmup > 0 && !entry.run) await runFor(entry, warmup);
  const parts = entries.map(() => []);
  for (let slice = 0; slice < slices; slice++) {
    const order = entries.map((_, i) => i);
    if (slice % 2 === 1) order.reverse();
    for (const i of order) parts[i].push(await runFor(entries[i], duration / slices));
  }
  return parts.map(merge);
}

function merge(parts) {
  const requests = parts.reduce((sum, part) => sum + part.requests, 0);
  const seconds = parts.reduce((sum, part) => sum + part.seconds, 0);
  return {
    rps: requests / seconds,
    requests,
    seconds,
    p50: requests ? parts.reduce((sum, part) => sum + part.p50 * part.requests, 0) / requests : 0,
    p99: Math.max(...parts.map((part) => part.p99)),
    errors: parts.reduce((sum, part) => sum + part.errors, 0),
    windows: parts.flatMap((part) => part.windows ?? []),
    detail: { slices: parts.map(({ rps, p50, p99, errors, detail }) => ({ rps, p50, p99, errors, detail })) },
  };
}

function run({ url, requests, connections, duration, amount }) {
  return autocannon({
    url,
    requests,
    connections,
    duration,
    amount,
    timeout: REQUEST_TIMEOUT_SECONDS,
  });
}

/**
 * The clock of V8's CPU profiles (CLOCK_MONOTONIC, in µs): a measured window in it picks out the samples a
 * server's profile took during that scenario.
 */
function monotonicMicros() {
  return Number(process.hrtime.bigint() / 1000n);
}

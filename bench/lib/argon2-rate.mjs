// The machine's own argon2id verify rate: `concurrency` verifies kept in flight for `seconds`, with the
// server's parameters, in a process of its own with the same UV_THREADPOOL_SIZE as the server.
// Usage: node argon2-rate.mjs <seconds> <concurrency>; prints one JSON line.
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is a TypeScript const enum (no runtime object): its value is 2.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const PASSWORD = 'bench-password-123';

const [seconds, concurrency] = process.argv.slice(2).map(Number);
const stored = await hash(PASSWORD, ARGON2_OPTIONS);
const latencies = [];
let failures = 0;
const start = performance.now();
const deadline = start + seconds * 1000;

async function loop() {
  while (performance.now() < deadline) {
    const before = performance.now();
    if (!(await verify(stored, PASSWORD))) failures += 1;
    latencies.push(performance.now() - before);
  }
}

await Promise.all(Array.from({ length: concurrency }, loop));
const elapsedSeconds = (performance.now() - start) / 1000;
latencies.sort((a, b) => a - b);
const percentile = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
console.log(
  JSON.stringify({
    requests: latencies.length,
    rps: latencies.length / elapsedSeconds,
    seconds: elapsedSeconds,
    p50: percentile(50),
    p99: percentile(99),
    errors: failures,
  }),
);

// The machine's own RS256 signing rate, the floor of the client-credentials grant: `concurrency` signatures
// kept in flight for `seconds` with Node's crypto.sign (RSA-2048, SHA-256, in libuv's threadpool, as our
// server signs), over a payload the size of our access tokens' signing input, in a process of its own.
// Usage: node rsa-sign-rate.mjs <seconds> <concurrency>; prints one JSON line, like argon2-rate.mjs.
import { generateKeyPairSync, sign } from 'node:crypto';
import { promisify } from 'node:util';

const signAsync = promisify(sign);
const SIGNING_INPUT = Buffer.from('x'.repeat(420), 'ascii');

const [seconds, concurrency] = process.argv.slice(2).map(Number);
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const latencies = [];
const start = performance.now();
const deadline = start + seconds * 1000;

async function loop() {
  while (performance.now() < deadline) {
    const before = performance.now();
    await signAsync('sha256', SIGNING_INPUT, privateKey);
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
    errors: 0,
  }),
);

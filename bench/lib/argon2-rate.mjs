// The machine's own argon2id verify rate: `concurrency` verifies kept in flight for `seconds`, with the
// server's parameters, in a process of its own with the same UV_THREADPOOL_SIZE as the server.
// Usage: node argon2-rate.mjs <seconds> <concurrency>; prints one JSON line.
import { hash, verify } from '@node-rs/argon2';
import { printClosedLoopRate } from './closed-loop.mjs';

// Algorithm.Argon2id is a TypeScript const enum (no runtime object): its value is 2.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const PASSWORD = 'bench-password-123';

const [seconds, concurrency] = process.argv.slice(2).map(Number);
const stored = await hash(PASSWORD, ARGON2_OPTIONS);
await printClosedLoopRate(seconds, concurrency, () => verify(stored, PASSWORD));

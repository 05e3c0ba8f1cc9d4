// The machine's own RS256 signing rate, the floor of the client-credentials grant: `concurrency` signatures
// kept in flight for `seconds` with Node's crypto.sign (RSA-2048, SHA-256, in libuv's threadpool, as our
// server signs), over a payload the size of our access tokens' signing input, in a process of its own.
// Usage: node rsa-sign-rate.mjs <seconds> <concurrency>; prints one JSON line, like argon2-rate.mjs.
import { generateKeyPairSync, sign } from 'node:crypto';
import { promisify } from 'node:util';
import { printClosedLoopRate } from './closed-loop.mjs';

const signAsync = promisify(sign);
const SIGNING_INPUT = Buffer.from('x'.repeat(420), 'ascii');

const [seconds, concurrency] = process.argv.slice(2).map(Number);
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
await printClosedLoopRate(seconds, concurrency, async () => {
  await signAsync('sha256', SIGNING_INPUT, privateKey);
});

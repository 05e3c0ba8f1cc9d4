import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Injectable } from '@nestjs/common';
import { hash, parseOptions, verify, type Options } from '@node-rs/argon2';

// `Algorithm.Argon2id` is a const enum, which swc (Jest) compiles to undefined: use its value.
const ARGON2ID = 2;

/** OWASP's argon2id minimum (Password Storage Cheat Sheet): 19 MiB, 2 passes, 1 lane. */
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as Options;

/**
 * argon2 runs in libuv's threadpool (UV_THREADPOOL_SIZE, 4 by default), as do RSA token signing and
 * file I/O. When the pool has more threads than the machine has CPUs, one of them is kept free of
 * argon2: the others still keep every CPU busy, and a burst of sign-ins never queues a token
 * signature behind tens of milliseconds of hashing. With more CPUs than threads argon2 gets them all.
 */
const THREADPOOL_SIZE = Number(process.env.UV_THREADPOOL_SIZE) || 4;
export const MAX_CONCURRENT_ARGON2 = availableParallelism() < THREADPOOL_SIZE ? THREADPOOL_SIZE - 1 : THREADPOOL_SIZE;

/** Hashes and verifies user passwords with argon2id. */
@Injectable()
export class PasswordHasher {
  private readonly slots = new Slots(MAX_CONCURRENT_ARGON2);
  // A real hash of a random password: verifying against it costs what a real verify costs.
  private readonly dummyHash: Promise<string> = this.slots.run(() =>
    hash(randomBytes(32).toString('base64url'), ARGON2_OPTIONS),
  );

  hash(password: string): Promise<string> {
    return this.slots.run(() => hash(password, ARGON2_OPTIONS));
  }

  /** False for a wrong password and for a stored hash that is not a valid argon2 string. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await this.slots.run(() => verify(passwordHash, password));
    } catch {
      return false;
    }
  }

  /** True when the stored hash was made with other parameters than today's. */
  needsRehash(passwordHash: string): boolean {
    try {
      const stored = parseOptions(passwordHash);
      return (
        stored.algorithm !== ARGON2_OPTIONS.algorithm ||
        stored.memoryCost !== ARGON2_OPTIONS.memoryCost ||
        stored.timeCost !== ARGON2_OPTIONS.timeCost ||
        stored.parallelism !== ARGON2_OPTIONS.parallelism
      );
    } catch {
      return true;
    }
  }

  /** Costs exactly one argon2id verify and always fails: for unknown, disabled or locked users. */
  async verifyAgainstDummy(password: string): Promise<false> {
    const dummyHash = await this.dummyHash;
    await this.slots.run(() => verify(dummyHash, password));
    return false;
  }
}

/** At most `size` tasks at once; the rest wait in arrival order. */
class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

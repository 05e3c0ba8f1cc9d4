import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hash, parseOptions, verify, type Options } from '@node-rs/argon2';

// `Algorithm.Argon2id` is a const enum, which swc (Jest) compiles to undefined: use its value.
const ARGON2ID = 2;

/** OWASP's argon2id minimum (Password Storage Cheat Sheet): 19 MiB, 2 passes, 1 lane. */
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as Options;

/** Hashes and verifies user passwords with argon2id. */
@Injectable()
export class PasswordHasher {
  // A real hash of a random password: verifying against it costs what a real verify costs.
  private readonly dummyHash: Promise<string> = hash(randomBytes(32).toString('base64url'), ARGON2_OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  /** False for a wrong password and for a stored hash that is not a valid argon2 string. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
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
    await verify(await this.dummyHash, password);
    return false;
  }
}

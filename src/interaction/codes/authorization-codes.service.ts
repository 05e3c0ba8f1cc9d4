import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { generateSecret, sha256Hex } from '../../common/crypto/secrets';
import { AuthorizationCode } from './authorization-code.entity';
import { AuthorizationCodesRepository, IssuedByCode } from './authorization-codes.repository';

/** RFC 6749 §4.1.2: "a maximum authorization code lifetime of 10 minutes is RECOMMENDED"; a minute suffices. */
export const AUTHORIZATION_CODE_TTL_MS = 60_000;
/** Spent and expired codes are kept this long, so that a late reuse still revokes what the code issued. */
const REUSE_DETECTION_WINDOW_MS = 24 * 60 * 60_000;

export type CodeGrantFacts = Omit<
  AuthorizationCode,
  | 'id'
  | 'codeHash'
  | 'expiresAt'
  | 'usedAt'
  | 'refreshFamilyId'
  | 'accessTokenJti'
  | 'accessTokenExpiresAt'
  | 'createdAt'
>;

/** Authorization codes: 256-bit random values, stored only as their SHA-256, single use. */
@Injectable()
export class AuthorizationCodesService {
  constructor(private readonly codes: AuthorizationCodesRepository) {}

  /** Returns the code itself, which only the redirect carries. */
  async issue(facts: CodeGrantFacts): Promise<string> {
    const value = generateSecret();
    const now = new Date();
    const code = Object.assign(new AuthorizationCode(), facts, {
      id: randomUUID(),
      codeHash: sha256Hex(value),
      expiresAt: new Date(now.getTime() + AUTHORIZATION_CODE_TTL_MS),
      createdAt: now,
    });
    await this.codes.insert(code);
    await this.codes.deleteExpiredBefore(new Date(now.getTime() - REUSE_DETECTION_WINDOW_MS));
    return value;
  }

  find(value: string): Promise<AuthorizationCode | null> {
    return this.codes.findByHash(sha256Hex(value));
  }

  /** True for the one use that wins; false when the code was used already or has expired. */
  spend(code: AuthorizationCode): Promise<boolean> {
    return this.codes.markUsed(code.id, new Date());
  }

  recordIssued(code: AuthorizationCode, issued: IssuedByCode): Promise<void> {
    return this.codes.recordIssued(code.id, issued);
  }
}

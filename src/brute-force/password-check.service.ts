import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { BruteForceService, type SignInAccount } from './brute-force.service';

export interface PasswordAttempt {
  email: string;
  password: string;
  clientId: string;
  ip: string;
  /** How the audit log names the way in: `{ grant: 'password' }`, `{ via: 'sign-in page' }`. */
  via: Record<string, string>;
}

/**
 * A further condition on a sign-in (the organization rule), run whether or not the password was right
 * so both cost the same. It answers why it refuses the user (audited; the caller sees a wrong password),
 * or null.
 */
export type SignInCondition = (user: User | null) => Promise<string | null>;

/**
 * A refusal decided on the username alone (PASSWORD_GRANT_APPROVAL), before anything is counted or
 * any password checked: it throws. It sees the user the counters are resolved with, so the check
 * reads the user once.
 */
export type SignInScreen = (user: User | null) => void;

export interface SignInRules {
  screen?: SignInScreen;
  condition?: SignInCondition;
}

/**
 * The one check of an email and password, for the password grant and the sign-in page alike: the
 * brute-force counters, delays and locks, a locked account answering exactly like a wrong password
 * after the same one argon2 verify, and the audit of every failure (naming the user, or a keyed hash
 * and masked form of a name nobody owns, never what was typed).
 */
@Injectable()
export class PasswordCheckService {
  constructor(
    private readonly users: UsersService,
    private readonly bruteForce: BruteForceService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async verify(attempt: PasswordAttempt, { screen, condition }: SignInRules = {}): Promise<User | null> {
    const account = await this.bruteForce.account(attempt.email);
    screen?.(account.user);
    const verdict = await this.bruteForce.check(account, attempt.ip);
    const { locked, waited } = verdict;
    const user = locked
      ? await this.hasher.verifyAgainstDummy(attempt.password).then(() => null)
      : await this.users.verifyPassword(await this.current(account, attempt, waited), attempt.password);
    const refusal = condition ? await condition(user) : null;
    if (user && refusal === null) {
      await this.bruteForce.recordSuccess(account, attempt.ip, verdict.pairFailures);
      return user;
    }
    if (!locked) await this.bruteForce.recordFailure(account, attempt.ip);
    const reason = locked ? 'locked' : user ? refusal : undefined;
    await this.audit.record({
      type: 'user.signin_failed',
      subject: account.subject,
      clientId: attempt.clientId,
      ip: attempt.ip,
      details: {
        ...attempt.via,
        ...(reason ? { reason } : {}),
        ...(account.masked ? { username_masked: account.masked } : {}),
      },
    });
    return null;
  }

  /**
   * The user to check the password against: the row the counters were resolved with, unless the
   * attempt waited out a progressive delay, during which the password may have changed or the user
   * been disabled; then it is read again.
   */
  private async current(account: SignInAccount, attempt: PasswordAttempt, waited: boolean): Promise<User | null> {
    return waited ? this.users.findByEmail(attempt.email) : account.user;
  }
}

import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditService } from '../audit/audit.service';
import { sha256Hex } from '../common/crypto/secrets';
import { canonicalEmail } from '../common/validation/canonical-email';
import { UsersService } from '../users/users.service';
import { BruteForcePolicy } from './brute-force-policy';
import { FailureCounterStore } from './failure-counter.store';

export interface LockState {
  locked: boolean;
  lockedUntil: Date | null;
  failures: number;
}

/**
 * Brute-force defence of the password grant (RFC 6749 §4.3.2: the endpoint MUST be protected):
 * failures are counted per account and per source address in a store all instances share.
 */
@Injectable()
export class BruteForceService {
  constructor(
    private readonly store: FailureCounterStore,
    private readonly policy: BruteForcePolicy,
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  /**
   * Before verifying a password: counts the attempt on the account, then says whether the account or
   * the address is locked; otherwise waits the progressive delay. Counting first means guesses sent
   * in parallel cannot all slip in under the account's limit before any failure is recorded.
   */
  async check(email: string, ip: string): Promise<{ locked: boolean }> {
    const now = new Date();
    const key = await this.accountKey(email);
    const [account, [address]] = await Promise.all([
      this.store.increment(key.counter, now),
      this.store.read([addressKey(ip)]),
    ]);
    if (this.policy.isLocked(account, now) || this.policy.isLocked(address, now)) return { locked: true };
    if (this.policy.accountLockDue(account.failures - 1)) {
      const started = await this.lockAccount(key, ip, account.failures, now);
      if (!this.policy.mayGoOnPastLimit(account, started)) return { locked: true };
    }
    const delayMs = this.policy.delayMs(account.failures - 1);
    if (delayMs > 0) await sleep(delayMs);
    return { locked: false };
  }

  /**
   * After a wrong password: counts it against the address (the account's attempt was counted by
   * `check`) and locks what reached its limit. The address is counted only once a failure is certain
   * (the rate limit caps one address's parallel bursts), so its users' successes never count.
   */
  async recordFailure(email: string, ip: string): Promise<void> {
    const now = new Date();
    const key = await this.accountKey(email);
    const [address, [account]] = await Promise.all([
      this.store.increment(addressKey(ip), now),
      this.store.read([key.counter]),
    ]);
    if (this.policy.accountLockDue(account.failures)) await this.lockAccount(key, ip, account.failures, now);
    if (this.policy.addressLockDue(address.failures)) await this.lockAddress(ip, address.failures, now);
  }

  /**
   * Whether the address is locked. Federated sign-in has no account to count before the external
   * credential is verified, so it asks about the address alone.
   */
  async addressLocked(ip: string): Promise<boolean> {
    const [address] = await this.store.read([addressKey(ip)]);
    return this.policy.isLocked(address, new Date());
  }

  /** A refused external credential: counts against the address, like a wrong password. */
  async recordAddressFailure(ip: string): Promise<void> {
    const now = new Date();
    const address = await this.store.increment(addressKey(ip), now);
    if (this.policy.addressLockDue(address.failures)) await this.lockAddress(ip, address.failures, now);
  }

  /** A correct password clears the account's streak; the address keeps its count (a sprayer may own one account). */
  async recordSuccess(email: string, _ip: string): Promise<void> {
    await this.store.reset((await this.accountKey(email)).counter);
  }

  async lockState(email: string): Promise<LockState> {
    const [account] = await this.store.read([(await this.accountKey(email)).counter]);
    const locked = this.policy.isLocked(account, new Date());
    return { locked, lockedUntil: locked ? account.lockedUntil : null, failures: account.failures };
  }

  async unlock(email: string): Promise<void> {
    await this.store.reset((await this.accountKey(email)).counter);
  }

  /**
   * The counter of an account: the user's id once the address resolves to a user, so no spelling of it
   * (case, compatibility forms) starts a fresh count; otherwise the canonical address, hashed.
   */
  private async accountKey(email: string): Promise<AccountKey> {
    const user = await this.users.findByEmail(email);
    if (user) return { counter: `user:${user.id}`, subject: user.id };
    const canonical = canonicalEmail(email);
    return { counter: `account:${sha256Hex(canonical)}`, subject: canonical };
  }

  private async lockAccount(key: AccountKey, ip: string, failures: number, now: Date): Promise<boolean> {
    const until = this.policy.lockUntil(now);
    const started = await this.store.lock(key.counter, until, now);
    if (started) {
      const details = { failures, locked_until: until.toISOString() };
      await this.audit.record({ type: 'user.locked', subject: key.subject, ip, details });
    }
    return started;
  }

  private async lockAddress(ip: string, failures: number, now: Date): Promise<boolean> {
    const until = this.policy.lockUntil(now);
    const started = await this.store.lock(addressKey(ip), until, now);
    if (started)
      await this.audit.record({ type: 'address.locked', ip, details: { failures, locked_until: until.toISOString() } });
    return started;
  }
}

interface AccountKey {
  /** Hashed for unknown users: the table never holds what was typed as a username (sometimes a password). */
  counter: string;
  /** What the audit log names: the user id, or the canonical address nobody owns. */
  subject: string;
}

function addressKey(ip: string): string {
  return `ip:${sha256Hex(ip)}`;
}

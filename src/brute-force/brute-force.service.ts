import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditService } from '../audit/audit.service';
import { TypedUsernames } from '../audit/typed-usernames';
import { sha256Hex } from '../common/crypto/secrets';
import { canonicalEmail } from '../common/validation/canonical-email';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { BruteForcePolicy, type CounterState } from './brute-force-policy';
import { FailureCounterStore } from './failure-counter.store';

export interface LockState {
  /** Any lock in force: for every address, or for some. */
  locked: boolean;
  /** When the last lock in force ends. */
  lockedUntil: Date | null;
  lockedForEveryAddress: boolean;
  lockedAddresses: number;
  /** Failures counted toward the account-wide lock. */
  failures: number;
}

/** What `check` decided about one attempt. */
export interface AttemptVerdict {
  locked: boolean;
  /** This attempt slept a progressive delay. */
  waited: boolean;
  /** The pair's count once this attempt was counted (what a success most likely takes off). */
  pairFailures: number;
}

/** The account a sign-in names, resolved once per attempt. */
export interface SignInAccount {
  /** The user, when the name resolves to one. */
  user: User | null;
  /** Hashed for unknown users: the table never holds what was typed as a username (sometimes a password). */
  counter: string;
  /** What the audit log names: the user id, or a keyed hash of the name nobody owns (never the name). */
  subject: string;
  /** For a name nobody owns, its masked form for the audit log (`a***@example.com`). */
  masked?: string;
}

/**
 * Brute-force defence of every password check (RFC 6749 §4.3.2: the endpoint MUST be protected), in
 * a store all instances share. Failures count per (account, address) pair: delays and a lock for the
 * pair. The account is locked for every address only past a higher account-wide count to which one
 * address adds at most the pair limit, so it takes several addresses. Addresses count on their own
 * too (password spraying).
 */
@Injectable()
export class BruteForceService {
  constructor(
    private readonly store: FailureCounterStore,
    private readonly policy: BruteForcePolicy,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly typedUsernames: TypedUsernames,
  ) {}

  /**
   * The counter of an account: the user's id once the address resolves to a user, so no spelling of it
   * (case, compatibility forms) starts a fresh count; otherwise the canonical address, hashed.
   */
  async account(email: string): Promise<SignInAccount> {
    const user = await this.users.findByEmail(email);
    if (user) return { user, counter: `user:${user.id}`, subject: user.id };
    const canonical = canonicalEmail(email);
    return {
      user: null,
      counter: `account:${sha256Hex(canonical)}`,
      subject: this.typedUsernames.hash(canonical),
      masked: this.typedUsernames.mask(canonical),
    };
  }

  /**
   * Before verifying a password: counts the attempt on the pair (and, up to the pair limit, on the
   * account), then says whether the pair, the account or the address is locked; otherwise waits the
   * pair's progressive delay. Counting first means guesses sent in parallel cannot all slip in under
   * a limit before any failure is recorded.
   */
  async check(account: SignInAccount, ip: string): Promise<AttemptVerdict> {
    const now = new Date();
    const pairKey = pairKeyOf(account.counter, ip);
    const pair = await this.store.increment(pairKey, now);
    const counted = this.policy.countsTowardAccount(pair.failures);
    const [accountState, address] = counted
      ? await this.store.incrementAndRead(account.counter, now, [addressKey(ip)])
      : await this.store.read([account.counter, addressKey(ip)]);
    const refused = { locked: true, waited: false, pairFailures: pair.failures };
    if ([pair, accountState, address].some((state) => this.policy.isLocked(state, now))) return refused;
    // The failures before this attempt: a lock due then is started now, and this attempt may be its one guess.
    const accountBefore = counted ? accountState.failures - 1 : accountState.failures;
    if (this.policy.accountLockDue(accountBefore)) {
      const started = await this.lockAccount(account, ip, accountBefore, now);
      if (!this.policy.mayGoOnPastLimit(accountState, started)) return refused;
    }
    if (this.policy.pairLockDue(pair.failures - 1)) {
      const started = await this.lockPair(account, pairKey, ip, pair.failures, now);
      if (!this.policy.mayGoOnPastLimit(pair, started)) return refused;
    }
    const delayMs = this.policy.delayMs(pair.failures - 1);
    if (delayMs > 0) await sleep(delayMs);
    return { locked: false, waited: delayMs > 0, pairFailures: pair.failures };
  }

  /**
   * After a wrong password: counts it against the address (the pair and account were counted by
   * `check`) and locks what reached its limit. The address is counted only once a failure is certain
   * (the rate limit caps one address's parallel bursts), so its users' successes never count.
   */
  async recordFailure(account: SignInAccount, ip: string): Promise<void> {
    const now = new Date();
    const pairKey = pairKeyOf(account.counter, ip);
    const [address, [pair, accountState]] = await Promise.all([
      this.store.increment(addressKey(ip), now),
      this.store.read([pairKey, account.counter]),
    ]);
    if (this.policy.pairLockDue(pair.failures)) await this.lockPair(account, pairKey, ip, pair.failures, now);
    if (this.policy.accountLockDue(accountState.failures))
      await this.lockAccount(account, ip, accountState.failures, now);
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

  /**
   * A correct password clears the pair's streak and takes what the pair added off the account-wide
   * count (this attempt included: `check` counted it), so an owner's typos and daily sign-ins never add
   * up to a lock. What other addresses added stays. The address keeps its count (a sprayer may own one
   * account). `pairFailuresSeen` (the verdict's) only spares the database store a read.
   */
  async recordSuccess(account: SignInAccount, ip: string, pairFailuresSeen = 0): Promise<void> {
    const taken = await this.store.take(pairKeyOf(account.counter, ip), pairFailuresSeen);
    const added = Math.min(taken, this.policy.pairLimit);
    if (added > 0) await this.store.subtract(account.counter, added);
  }

  /** An account's locks, for admins. */
  async lockState(account: SignInAccount): Promise<LockState> {
    const now = new Date();
    const [[accountState], pairs] = await Promise.all([
      this.store.read([account.counter]),
      this.store.readPrefix(pairPrefix(account.counter)),
    ]);
    const lockedPairs = pairs.filter((state) => this.policy.isLocked(state, now));
    const lockedForEveryAddress = this.policy.isLocked(accountState, now);
    const locks = lockedForEveryAddress ? [accountState, ...lockedPairs] : lockedPairs;
    return {
      locked: locks.length > 0,
      lockedUntil: latestEnd(locks),
      lockedForEveryAddress,
      lockedAddresses: lockedPairs.length,
      failures: accountState.failures,
    };
  }

  /** Lifts every lock of an account and forgets its streaks: for every address and per address. */
  async unlock(account: SignInAccount): Promise<void> {
    await Promise.all([this.store.reset(account.counter), this.store.resetPrefix(pairPrefix(account.counter))]);
  }

  private async lockAccount(account: SignInAccount, ip: string, failures: number, now: Date): Promise<boolean> {
    const until = this.policy.lockUntil(now);
    const started = await this.store.lock(account.counter, until, now);
    if (started) {
      const details = { failures, locked_until: until.toISOString(), every_address: true, ...maskedOf(account) };
      await this.audit.record({ type: 'user.locked', subject: account.subject, ip, details });
    }
    return started;
  }

  private async lockPair(
    account: SignInAccount,
    pairKey: string,
    ip: string,
    failures: number,
    now: Date,
  ): Promise<boolean> {
    const until = this.policy.lockUntil(now);
    const started = await this.store.lock(pairKey, until, now);
    if (started) {
      const details = { failures, locked_until: until.toISOString(), every_address: false, ...maskedOf(account) };
      await this.audit.record({ type: 'user.locked', subject: account.subject, ip, details });
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

function addressKey(ip: string): string {
  return `ip:${sha256Hex(ip)}`;
}

/** Every pair of one account shares a prefix, so admins can read and lift them all (fits the 80-character key). */
function pairPrefix(accountCounter: string): string {
  return `pair:${sha256Hex(accountCounter).slice(0, 32)}:`;
}

function pairKeyOf(accountCounter: string, ip: string): string {
  return `${pairPrefix(accountCounter)}${sha256Hex(ip).slice(0, 32)}`;
}

function maskedOf(account: SignInAccount): { username_masked?: string } {
  return account.masked ? { username_masked: account.masked } : {};
}

function latestEnd(locks: CounterState[]): Date | null {
  const ends = locks.map((state) => state.lockedUntil?.getTime() ?? 0);
  return ends.length > 0 ? new Date(Math.max(...ends)) : null;
}

import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../interaction/sessions/sessions.service';
import { TokenCutoffs } from '../revocation/token-cutoffs.service';
import { ConflictError, DomainError, NotFoundError } from '../common/errors/domain.error';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { canonicalEmail, hasAsciiDomain } from '../common/validation/canonical-email';
import { RefreshTokensRepository } from '../refresh-tokens/refresh-tokens.repository';
import { PasswordHasher } from './password-hasher';
import { passwordPolicyViolation } from './password-policy';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

export interface NewUser {
  email: string;
  password: string;
  name?: string | null;
  isAdmin?: boolean;
  /** Only when an identity provider asserted the address (federated sign-up); otherwise false. */
  emailVerified?: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly cutoffs: TokenCutoffs,
    private readonly sessions: SessionsService,
  ) {}

  findById(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(canonicalEmail(email));
  }

  async getById(id: string): Promise<User> {
    const user = await this.findById(id);
    if (!user) throw new NotFoundError('User');
    return user;
  }

  /**
   * Creates a user. Uniqueness is decided by the unique index, not by a prior read, so two concurrent
   * sign-ups with one email end with one row and one ConflictError.
   */
  async create(input: NewUser, actorUserId?: string, ip?: string): Promise<User> {
    const email = canonicalEmail(input.email);
    if (!hasAsciiDomain(email)) throw new DomainError('bad_request', 'email must be an email');
    const violation = passwordPolicyViolation(input.password, email);
    if (violation) throw new DomainError('bad_request', violation);
    const user = new User();
    user.email = email;
    user.name = input.name ?? null;
    user.isAdmin = input.isAdmin ?? false;
    user.emailVerified = input.emailVerified ?? false;
    user.passwordHash = await this.hasher.hash(input.password);
    try {
      await this.users.insert(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('A user with this email already exists');
      throw error;
    }
    await this.audit.record({
      type: 'user.created',
      actorUserId: actorUserId ?? user.id,
      subject: user.id,
      ip,
      details: { is_admin: user.isAdmin },
    });
    return this.getById(user.id);
  }

  /**
   * Null for an unknown email, a wrong password or a disabled user, and every path costs one argon2id
   * verify, so timing does not tell which (RFC 9700 §4.15 spirit; OWASP authentication cheat sheet).
   */
  async verifyCredentials(email: string, password: string): Promise<User | null> {
    return this.verifyPassword(await this.findByEmail(email), password);
  }

  /**
   * `verifyCredentials` for a user the caller has just read by email (null when none): the sign-in
   * check reads the user once for its counters and checks the password against that same row.
   */
  async verifyPassword(user: User | null, password: string): Promise<User | null> {
    if (!user || user.disabled) {
      await this.hasher.verifyAgainstDummy(password);
      return null;
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) return null;
    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.users.update(user.id, { passwordHash: await this.hasher.hash(password) });
    }
    return user;
  }

  /** Sets a new password and revokes every refresh token of the user: old sessions end. */
  async setPassword(userId: string, password: string, actorUserId?: string): Promise<void> {
    const user = await this.getById(userId);
    const violation = passwordPolicyViolation(password, user.email);
    if (violation) throw new DomainError('bad_request', violation);
    await this.users.update(user.id, { passwordHash: await this.hasher.hash(password) });
    await this.revokeRefreshTokens(user.id);
    // Whoever held the old password may hold its access tokens and browser sessions too: they all end.
    await this.cutoffs.cutOffUser(user.id);
    await this.sessions.endAllForUser(user.id);
    await this.audit.record({ type: 'user.password_changed', actorUserId: actorUserId ?? user.id, subject: user.id });
  }

  /** POST /users/me/password: the current password proves it is the user, not just a stolen token. */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.getById(userId);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new DomainError('bad_request', 'current_password is incorrect');
    }
    await this.setPassword(user.id, newPassword);
  }

  async markEmailVerified(userId: string): Promise<void> {
    await this.users.update(userId, { emailVerified: true });
  }

  async revokeRefreshTokens(userId: string): Promise<void> {
    await this.refreshTokens.revoke({ userId });
  }
}

import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { generateSecret } from '../common/crypto/secrets';
import { ConflictError, NotFoundError } from '../common/errors/domain.error';
import { isUniqueViolation } from '../common/errors/unique-violation';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ExternalIdentitiesRepository } from './external-identities.repository';
import { ExternalIdentity } from './external-identity.entity';
import { ExternalCredentialRefused } from './verification/external-credential.errors';
import type { VerifiedExternalIdentity } from './verification/verified-external-identity';

/**
 * One answer for every unlinked case (creation off, no verified email, an account with that email), so
 * the refusal never tells whether an address has an account here.
 */
export const LINK_FIRST =
  'No account is linked to this identity: sign in to your account and link it first (POST /users/me/identities)';

/**
 * The linking rules: an external identity is keyed by (provider alias, subject), never by email, and
 * a provider's email never links to an existing account by itself.
 */
@Injectable()
export class FederatedSignInService {
  constructor(
    private readonly identities: ExternalIdentitiesRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The user a verified identity signs in: its linked user, or a new one when every creation rule holds
   * and the app may create accounts (an org app may not: a new account is no organization's member).
   */
  async userFor(identity: VerifiedExternalIdentity, ip: string, mayCreate = true): Promise<User> {
    const linked = await this.identities.find(identity.provider.alias, identity.subject);
    if (linked) {
      const user = await this.users.findById(linked.userId);
      if (!user || user.disabled) throw new ExternalCredentialRefused('account_disabled', 'The account is disabled');
      return user;
    }
    const { email } = identity;
    if (!mayCreate || !identity.provider.createUsers || !email || !identity.emailVerified) {
      throw new ExternalCredentialRefused('not_linked', LINK_FIRST);
    }
    if (await this.users.findByEmail(email)) throw new ExternalCredentialRefused('not_linked', LINK_FIRST);
    return this.createUser(identity, email, ip);
  }

  /** Links an identity to the signed-in user; one linked to someone else is a 409. */
  async link(userId: string, identity: VerifiedExternalIdentity, ip?: string): Promise<ExternalIdentity> {
    const existing = await this.identities.find(identity.provider.alias, identity.subject);
    if (existing?.userId === userId) return existing;
    if (existing) throw new ConflictError('This identity is linked to another account');
    const row = this.newIdentity(userId, identity);
    try {
      await this.identities.insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('This identity is linked to another account');
      throw error;
    }
    await this.recordLinked(row, ip);
    return row;
  }

  listFor(userId: string): Promise<ExternalIdentity[]> {
    return this.identities.listForUser(userId);
  }

  async unlink(userId: string, id: string, ip?: string): Promise<void> {
    if (!(await this.identities.deleteForUser(id, userId))) throw new NotFoundError('Identity');
    await this.audit.record({ type: 'identity.unlinked', actorUserId: userId, subject: userId, ip, details: { id } });
  }

  private async createUser(identity: VerifiedExternalIdentity, email: string, ip: string): Promise<User> {
    let user: User;
    try {
      // A password nobody knows: the account signs in through the provider until a reset sets one.
      user = await this.users.create(
        { email, password: generateSecret(), name: identity.name, emailVerified: true },
        undefined,
        ip,
      );
    } catch (error) {
      // Another sign-up took the address meanwhile: the same answer as when it was taken before.
      if (error instanceof ConflictError) throw new ExternalCredentialRefused('not_linked', LINK_FIRST);
      throw error;
    }
    const row = this.newIdentity(user.id, identity);
    await this.identities.insert(row);
    await this.recordLinked(row, ip);
    return user;
  }

  private newIdentity(userId: string, identity: VerifiedExternalIdentity): ExternalIdentity {
    const row = new ExternalIdentity();
    row.providerAlias = identity.provider.alias;
    row.subject = identity.subject;
    row.userId = userId;
    row.email = identity.email;
    row.createdAt = new Date();
    return row;
  }

  private recordLinked(row: ExternalIdentity, ip?: string): Promise<void> {
    return this.audit.record({
      type: 'identity.linked',
      actorUserId: row.userId,
      subject: row.userId,
      ip,
      details: { provider: row.providerAlias, id: row.id },
    });
  }
}

import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { DomainError } from '../../common/errors/domain.error';
import { AppConfig } from '../../config/app-config';
import { MailerService } from '../../mail/mailer.service';
import { UsersService } from '../users.service';
import { emailVerificationMail } from './account-mail';
import { AccountTokenRepository } from './account-token.repository';

const VERIFICATION_LINK_HOURS = 24;
/** At most this many verification mails per user per hour. */
const VERIFICATION_MAILS_PER_HOUR = 5;
export const INVALID_VERIFICATION_LINK = 'The verification link is invalid, used or expired';

/** Proves the user receives mail at their address: the OpenID Connect `email_verified` claim. */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly tokens: AccountTokenRepository,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
  ) {}

  async send(userId: string, ip: string): Promise<void> {
    const user = await this.users.getById(userId);
    if (user.emailVerified) return;
    const since = new Date(Date.now() - 3_600_000);
    // Beyond the limit the request is answered the same and sends nothing: no mailbox gets flooded.
    if ((await this.tokens.countCreatedSince(user.id, 'email_verification', since)) >= VERIFICATION_MAILS_PER_HOUR)
      return;
    const token = await this.tokens.create(
      user.id,
      user.email,
      'email_verification',
      VERIFICATION_LINK_HOURS * 3_600_000,
    );
    const link = `${this.config.issuer}/account/verify-email?token=${token}`;
    await this.mailer.send(emailVerificationMail(user.email, link, VERIFICATION_LINK_HOURS));
    await this.audit.record({ type: 'user.email_verification_sent', actorUserId: user.id, subject: user.id, ip });
  }

  async verify(token: string, ip: string): Promise<void> {
    const row = await this.tokens.findLive(token, 'email_verification');
    const user = row ? await this.users.findById(row.userId) : null;
    // A link proves the address it was mailed to, and only while that is still the user's address.
    if (!row || !user || user.email !== row.email || !(await this.tokens.spend(row))) {
      throw new DomainError('bad_request', INVALID_VERIFICATION_LINK);
    }
    await this.users.markEmailVerified(user.id);
    await this.audit.record({ type: 'user.email_verified', actorUserId: user.id, subject: user.id, ip });
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { DomainError } from '../../common/errors/domain.error';
import { AppConfig } from '../../config/app-config';
import { MailerService } from '../../mail/mailer.service';
import { passwordPolicyViolation } from '../password-policy';
import { UsersService } from '../users.service';
import { passwordResetMail } from './account-mail';
import { AccountTokenRepository } from './account-token.repository';

export const RESET_LINK_MINUTES = 30;
/** Per address: at most this many reset mails in RESET_MAIL_WINDOW_MS; further requests send nothing. */
export const RESET_MAILS_PER_WINDOW = 3;
const RESET_MAIL_WINDOW_MS = 15 * 60_000;
export const INVALID_RESET_LINK = 'The reset link is invalid, used or expired';

/** Password reset by mail: a single-use link, valid 30 minutes, stored as a hash (OWASP Forgot Password). */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordReset');
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly tokens: AccountTokenRepository,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Answers at once and the same way for every address: the lookup and the mail happen after the
   * response, so neither its content nor its timing tells whether the address has an account.
   */
  request(email: string, ip: string): void {
    // One at a time on this instance, so the per-address limit counts every earlier request.
    this.queue = this.queue
      .then(() => this.sendResetLink(email, ip))
      .catch((error: Error) => this.logger.error(`A password reset mail could not be sent: ${error.message}`));
  }

  /** Whether a reset link can still be used, so its page can say at once when it cannot. */
  async isLive(token: string): Promise<boolean> {
    return (await this.tokens.findLive(token, 'password_reset')) !== null;
  }

  async confirm(token: string, password: string, ip: string): Promise<void> {
    const row = await this.tokens.findLive(token, 'password_reset');
    const user = row ? await this.users.findById(row.userId) : null;
    if (!row || !user || user.disabled) throw new DomainError('bad_request', INVALID_RESET_LINK);
    // The policy is checked before the link is spent, so a refused password leaves it usable.
    const violation = passwordPolicyViolation(password, user.email);
    if (violation) throw new DomainError('bad_request', violation);
    if (!(await this.tokens.spend(row))) throw new DomainError('bad_request', INVALID_RESET_LINK);
    await this.users.setPassword(user.id, password);
    await this.tokens.spendAll(user.id, 'password_reset');
    await this.audit.record({ type: 'user.password_reset', actorUserId: user.id, subject: user.id, ip });
  }

  private async sendResetLink(email: string, ip: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.disabled) return;
    const since = new Date(Date.now() - RESET_MAIL_WINDOW_MS);
    const recent = await this.tokens.countCreatedSince(user.id, 'password_reset', since);
    const limited = recent >= RESET_MAILS_PER_WINDOW;
    await this.audit.record({
      type: 'user.password_reset_requested',
      actorUserId: user.id,
      subject: user.id,
      ip,
      details: limited ? { sent: false, reason: 'rate_limited' } : { sent: true },
    });
    if (limited) return;
    const token = await this.tokens.create(user.id, user.email, 'password_reset', RESET_LINK_MINUTES * 60_000);
    const link = `${this.config.issuer}/account/reset-password?token=${token}`;
    await this.mailer.send(passwordResetMail(user.email, link, RESET_LINK_MINUTES));
  }
}

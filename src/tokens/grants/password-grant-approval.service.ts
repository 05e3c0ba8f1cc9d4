import { Injectable } from '@nestjs/common';
import type { Client } from '../../clients/client.entity';
import { awaitsPasswordGrantApproval } from '../../clients/password-grant-approval';
import { OAuthError } from '../../common/errors/oauth.error';
import { AppConfig } from '../../config/app-config';
import type { User } from '../../users/user.entity';

export const AWAITS_APPROVAL =
  "This app awaits an administrator's approval for the password grant; until then it signs in its owner only";

/** PASSWORD_GRANT_APPROVAL: an unapproved portal app's password grant is for its owner's own account. */
@Injectable()
export class PasswordGrantApproval {
  constructor(private readonly config: AppConfig) {}

  /**
   * Decided on the username alone, before any password is checked: the refusal says nothing about
   * the password and counts no failure. RFC 6749 §5.2: `unauthorized_client`. `user` is the one the
   * username names (null when none), as the password check reads it.
   */
  check(client: Client, user: User | null): void {
    if (this.config.passwordGrantApproval === 'open' || !awaitsPasswordGrantApproval(client)) return;
    if (user?.id !== client.ownerId) throw new OAuthError('unauthorized_client', AWAITS_APPROVAL);
  }
}

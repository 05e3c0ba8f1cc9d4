import type { MailMessage } from '../../mail/mail-message';

/** The reset mail: a link to the server's reset page, valid `minutes`. */
export function passwordResetMail(to: string, link: string, minutes: number): MailMessage {
  return {
    to,
    subject: 'Reset your password',
    text: [
      'Someone asked to reset the password of your account.',
      '',
      `To choose a new password, open this link within ${minutes} minutes:`,
      link,
      '',
      'If it was not you, ignore this mail: your password stays as it is.',
    ].join('\n'),
  };
}

/** The verification mail: a link that confirms the address. */
export function emailVerificationMail(to: string, link: string, hours: number): MailMessage {
  return {
    to,
    subject: 'Confirm your email address',
    text: [
      `To confirm that this address is yours, open this link within ${hours} hours:`,
      link,
      '',
      'If you did not ask for this, ignore this mail.',
    ].join('\n'),
  };
}

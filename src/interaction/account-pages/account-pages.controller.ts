import { Body, Controller, Get, Ip, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../auth/public.decorator';
import { DomainError } from '../../common/errors/domain.error';
import { EmailVerificationService, INVALID_VERIFICATION_LINK } from '../../users/account/email-verification.service';
import { INVALID_RESET_LINK, PasswordResetService } from '../../users/account/password-reset.service';
import { renderPage } from '../pages/render-page';
import { AccountLinkFormDto, ResetPasswordFormDto } from './account-page-forms.dto';

const MAX_TOKEN_LENGTH = 100;

/**
 * The pages the account mails link to. Following a link only shows a form: the change happens on its
 * CSRF-protected post, so a mail scanner that fetches the link spends nothing.
 */
@Controller('account')
@Public()
@ApiExcludeController()
export class AccountPagesController {
  constructor(
    private readonly passwordReset: PasswordResetService,
    private readonly emailVerification: EmailVerificationService,
  ) {}

  @Get('reset-password')
  async resetPasswordPage(@Query('token') token: unknown, @Res() reply: FastifyReply): Promise<void> {
    if (!isToken(token) || !(await this.passwordReset.isLive(token))) {
      renderPage(reply, 'error', { title: 'Link expired', message: INVALID_RESET_LINK }, { status: 400 });
      return;
    }
    renderPage(reply, 'reset-password', { title: 'Choose a new password', token });
  }

  @Post('reset-password')
  async resetPassword(@Body() form: ResetPasswordFormDto, @Ip() ip: string, @Res() reply: FastifyReply): Promise<void> {
    try {
      await this.passwordReset.confirm(form.token, form.password, ip);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'bad_request') throw error;
      const linkDead = error.message === INVALID_RESET_LINK;
      renderPage(
        reply,
        linkDead ? 'error' : 'reset-password',
        { title: linkDead ? 'Link expired' : 'Choose a new password', token: form.token, message: error.message },
        { status: 400 },
      );
      return;
    }
    renderPage(reply, 'account-done', {
      title: 'Password changed',
      message: 'Your password is changed, and you are signed out everywhere. Sign in again with the new one.',
    });
  }

  @Get('verify-email')
  verifyEmailPage(@Query('token') token: unknown, @Res() reply: FastifyReply): void {
    if (!isToken(token)) {
      renderPage(reply, 'error', { title: 'Link expired', message: INVALID_VERIFICATION_LINK }, { status: 400 });
      return;
    }
    renderPage(reply, 'verify-email', { title: 'Confirm your email address', token });
  }

  @Post('verify-email')
  async verifyEmail(@Body() form: AccountLinkFormDto, @Ip() ip: string, @Res() reply: FastifyReply): Promise<void> {
    await this.emailVerification.verify(form.token, ip);
    renderPage(reply, 'account-done', { title: 'Address confirmed', message: 'Your email address is confirmed.' });
  }
}

function isToken(token: unknown): token is string {
  return typeof token === 'string' && token.length > 0 && token.length <= MAX_TOKEN_LENGTH;
}

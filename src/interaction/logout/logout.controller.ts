import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/public.decorator';
import { authorizationParameters } from '../authorize/authorization-request';
import { formTargetFor, pageSecurityHeaders } from '../pages/page-security-headers';
import { renderPage } from '../pages/render-page';
import { SessionsService } from '../sessions/sessions.service';
import { LogoutFormDto } from './logout-form.dto';
import { LogoutRequest, LogoutService } from './logout.service';

/** RP-Initiated Logout 1.0: the end_session_endpoint, and the confirmation its page posts. */
@Controller()
@Public()
@ApiExcludeController()
export class LogoutController {
  constructor(
    private readonly logouts: LogoutService,
    private readonly sessions: SessionsService,
  ) {}

  @Get('oauth/logout')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const rawQuery = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const logout = await this.logouts.read(authorizationParameters(rawQuery));
    if (this.logouts.needsConfirmation(logout, await this.sessions.current(request))) {
      renderPage(
        reply,
        'logout-confirm',
        { title: 'Sign out?', clientName: logout.client?.name, logoutRequest: rawQuery },
        { formTargets: logout.redirectTo ? [formTargetFor(logout.redirectTo)] : [] },
      );
      return;
    }
    await this.signOut(request, reply, logout);
  }

  @Post('interaction/logout')
  async confirm(
    @Body() form: LogoutFormDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.signOut(request, reply, await this.logouts.read(authorizationParameters(form.logout_request)));
  }

  private async signOut(request: FastifyRequest, reply: FastifyReply, logout: LogoutRequest): Promise<void> {
    await this.sessions.end(request, reply);
    if (logout.redirectTo) {
      reply.headers(pageSecurityHeaders()).redirect(logout.redirectTo, 303);
      return;
    }
    renderPage(reply, 'signed-out', {
      title: 'Signed out',
      clientName: logout.client?.name,
      notice: logout.redirectRefused,
    });
  }
}

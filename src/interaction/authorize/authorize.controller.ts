import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/public.decorator';
import { SessionsService } from '../sessions/sessions.service';
import { sendAuthorizationOutcome } from './authorization-pages';
import { authorizationParameters } from './authorization-request';
import { AuthorizeService } from './authorize.service';
import { ConsentFormDto, SignInFormDto } from './dto/authorization-forms.dto';
import { PasswordSignInService } from '../sign-in/password-sign-in.service';

/** The one message for every failed sign-in: which of email and password was wrong is not revealed. */
export const SIGN_IN_FAILED = 'The email or password is incorrect.';

/** The browser side of the code flow: the authorization endpoint and its two forms. */
@Controller()
@Public()
@ApiExcludeController()
export class AuthorizeController {
  constructor(
    private readonly authorizations: AuthorizeService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordSignInService,
  ) {}

  @Get('oauth/authorize')
  async authorize(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const rawQuery = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const session = await this.sessions.current(request);
    const outcome = await this.authorizations.authorize(authorizationParameters(rawQuery), { session });
    sendAuthorizationOutcome(reply, outcome, rawQuery);
  }

  @Post('interaction/sign-in')
  async signIn(@Body() form: SignInFormDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const parameters = authorizationParameters(form.authorization_request);
    const { client } = await this.authorizations.redirectTarget(parameters.parameters);
    const name = this.authorizations.signInName(parameters.parameters, form.email);
    if (!name) {
      // The form and the request name different organizations: authorize() redirects with invalid_request.
      const outcome = await this.authorizations.authorize(parameters, { session: null, typedName: form.email });
      sendAuthorizationOutcome(reply, outcome, form.authorization_request);
      return;
    }
    const user = await this.passwords.verify(name, form.password, client, request.ip);
    if (!user) {
      const outcome = await this.authorizations.authorize(parameters, { session: null });
      sendAuthorizationOutcome(reply, outcome, form.authorization_request, {
        error: SIGN_IN_FAILED,
        email: form.email,
      });
      return;
    }
    // RFC 8176 §2: "pwd", a password entered just now.
    const session = await this.sessions.start(request, reply, user.id, ['pwd']);
    const outcome = await this.authorizations.authorize(parameters, {
      session,
      justSignedIn: true,
      typedName: form.email,
    });
    sendAuthorizationOutcome(reply, outcome, form.authorization_request);
  }

  @Post('interaction/consent')
  async consent(
    @Body() form: ConsentFormDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const parameters = authorizationParameters(form.authorization_request);
    const session = await this.sessions.current(request);
    const outcome = await this.authorizations.authorize(parameters, { session, consent: form.decision });
    sendAuthorizationOutcome(reply, outcome, form.authorization_request);
  }
}

import { Controller, Get, HttpCode, Module, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../../../src/auth/public.decorator';
import { csrfTokenFor, renderPage } from '../../../src/interaction/pages/render-page';

/**
 * A test-only browser route with a form: GET renders a page (and so sets the CSRF secret cookie), the
 * response's `x-csrf-probe-token` header carries the token a form would embed; POST succeeds only
 * when the page infrastructure's CSRF check lets it through.
 */
@Controller('account/csrf-probe')
@Public()
class CsrfProbeController {
  @Get()
  page(@Res() reply: FastifyReply): void {
    renderPage(reply.header('x-csrf-probe-token', csrfTokenFor(reply)), 'error', {
      title: 'Probe <b>title</b>',
      message: '<script>alert(1)</script>',
    });
  }

  @Post()
  @HttpCode(204)
  submit(): void {}
}

@Module({ controllers: [CsrfProbeController] })
export class CsrfProbeModule {}

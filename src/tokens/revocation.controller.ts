import { NoStore } from '../common/http/no-store';
import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBasicAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/public.decorator';
import { CLIENT_BASIC_SECURITY_SCHEME } from '../swagger/setup-swagger';
import { ClientAuthenticationGuard } from '../clients/client-authentication.guard';
import { OAuthErrorDto } from './dto/oauth-error.dto';
import { TokenOperationRequestDto } from './dto/token-operation-request.dto';
import { RevocationService } from './revocation.service';

@ApiTags('oauth')
@Public()
@Controller('oauth')
export class RevocationController {
  constructor(private readonly revocation: RevocationService) {}

  @Post('revoke')
  @HttpCode(200)
  @UseGuards(ClientAuthenticationGuard)
  @NoStore()
  @ApiOperation({
    summary: 'Token revocation (RFC 7009)',
    description: "200 whether or not the token was known; a refresh token's whole family is revoked.",
  })
  @ApiBasicAuth(CLIENT_BASIC_SECURITY_SCHEME)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: TokenOperationRequestDto })
  @ApiOkResponse({
    description:
      'Revoked, or nothing to revoke: the same answer (RFC 7009 §2.2). An empty JSON object, for clients that expect JSON.',
    schema: { type: 'object', example: {} },
  })
  @ApiBadRequestResponse({ type: OAuthErrorDto, description: 'invalid_request' })
  @ApiUnauthorizedResponse({ type: OAuthErrorDto, description: 'invalid_client' })
  async revoke(@Body() body: unknown, @Req() request: FastifyRequest): Promise<Record<string, never>> {
    await this.revocation.revoke(body, request.basicClientCredentials, request.ip);
    return {};
  }
}

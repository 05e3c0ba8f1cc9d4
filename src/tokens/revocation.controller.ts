import { Controller, Ip, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedClient, OAuthRequestParameters } from '../clients/authenticated-client.decorator';
import type { ClientAuthentication } from '../clients/client-authentication.service';
import type { OAuthParameters } from '../common/http/oauth-parameters';
import { Public } from '../auth/public.decorator';
import { OAuthEndpoint } from './oauth-endpoint.decorator';
import { OAuthErrorDto } from './dto/oauth-error.dto';
import { TokenOperationRequestDto } from './dto/token-operation-request.dto';
import { RevocationService } from './revocation.service';

@ApiTags('oauth')
@Public()
@Controller('oauth')
export class RevocationController {
  constructor(private readonly revocation: RevocationService) {}

  @Post('revoke')
  @OAuthEndpoint(TokenOperationRequestDto)
  @ApiOperation({
    summary: 'Token revocation (RFC 7009)',
    description: "200 whether or not the token was known; a refresh token's whole family is revoked.",
  })
  @ApiOkResponse({
    description:
      'Revoked, or nothing to revoke: the same answer (RFC 7009 §2.2). An empty JSON object, for clients that expect JSON.',
    schema: { type: 'object', example: {} },
  })
  @ApiBadRequestResponse({ type: OAuthErrorDto, description: 'invalid_request' })
  @ApiUnauthorizedResponse({ type: OAuthErrorDto, description: 'invalid_client' })
  async revoke(
    @OAuthRequestParameters() parameters: OAuthParameters,
    @AuthenticatedClient() { client }: ClientAuthentication,
    @Ip() ip: string,
  ): Promise<Record<string, never>> {
    await this.revocation.revoke(parameters, client, ip);
    return {};
  }
}

import { Controller, Ip, Post } from '@nestjs/common';
import { RouteSchema } from '@nestjs/platform-fastify';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedClient, OAuthRequestParameters } from '../clients/authenticated-client.decorator';
import type { ClientAuthentication } from '../clients/client-authentication.service';
import type { OAuthParameters } from '../common/http/oauth-parameters';
import { Public } from '../auth/public.decorator';
import { OAuthEndpoint } from './oauth-endpoint.decorator';
import { OAuthErrorDto } from './dto/oauth-error.dto';
import { TokenRequestDto } from './dto/token-request.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { TokenService } from './token.service';
import type { TokenResponse } from './token-response';
import { TOKEN_RESPONSE_SCHEMA } from './token-response.schema';

@ApiTags('oauth')
@Public()
@Controller('oauth')
export class TokenController {
  constructor(private readonly tokens: TokenService) {}

  @Post('token')
  @OAuthEndpoint(TokenRequestDto)
  @RouteSchema({ response: { 200: TOKEN_RESPONSE_SCHEMA } })
  @ApiOperation({
    summary: 'Token endpoint (RFC 6749 §3.2): password, refresh_token and client_credentials grants',
    description:
      'Client authentication: HTTP Basic (client_secret_basic), client_id + client_secret in the body ' +
      '(client_secret_post), or client_id alone for a public client; one method per request.',
  })
  @ApiOkResponse({ type: TokenResponseDto, description: 'Tokens issued (Cache-Control: no-store)' })
  @ApiBadRequestResponse({ type: OAuthErrorDto, description: 'RFC 6749 §5.2 error' })
  @ApiUnauthorizedResponse({ type: OAuthErrorDto, description: 'invalid_client' })
  token(
    @OAuthRequestParameters() parameters: OAuthParameters,
    @AuthenticatedClient() { client }: ClientAuthentication,
    @Ip() ip: string,
  ): Promise<TokenResponse> {
    return this.tokens.exchange(parameters, client, ip);
  }
}

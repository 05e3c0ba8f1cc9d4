import { Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedClient, OAuthRequestParameters } from '../clients/authenticated-client.decorator';
import type { ClientAuthentication } from '../clients/client-authentication.service';
import type { OAuthParameters } from '../common/http/oauth-parameters';
import { Public } from '../auth/public.decorator';
import { OAuthEndpoint } from './oauth-endpoint.decorator';
import { IntrospectionResponseDto } from './dto/introspection-response.dto';
import { OAuthErrorDto } from './dto/oauth-error.dto';
import { TokenOperationRequestDto } from './dto/token-operation-request.dto';
import { IntrospectionResponse, IntrospectionService } from './introspection.service';

@ApiTags('oauth')
@Public()
@Controller('oauth')
export class IntrospectionController {
  constructor(private readonly introspection: IntrospectionService) {}

  @Post('introspect')
  @OAuthEndpoint(TokenOperationRequestDto)
  @ApiOperation({
    summary: 'Token introspection (RFC 7662), for confidential clients',
    description:
      'A client sees its own tokens (any token with the admin-set introspect capability); else {active:false}.',
  })
  @ApiOkResponse({ type: IntrospectionResponseDto })
  @ApiBadRequestResponse({ type: OAuthErrorDto, description: 'invalid_request' })
  @ApiUnauthorizedResponse({ type: OAuthErrorDto, description: 'invalid_client (also for public clients)' })
  introspect(
    @OAuthRequestParameters() parameters: OAuthParameters,
    @AuthenticatedClient() authentication: ClientAuthentication,
  ): Promise<IntrospectionResponse> {
    return this.introspection.introspect(parameters, authentication);
  }
}

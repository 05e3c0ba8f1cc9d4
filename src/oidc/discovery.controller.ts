import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { AuthorizationServerMetadata, MetadataService } from '../tokens/metadata.service';

@ApiTags('oidc')
@Public()
@Controller('.well-known')
export class DiscoveryController {
  constructor(private readonly metadata: MetadataService) {}

  // OpenID Connect Discovery 1.0 §4: the same document as RFC 8414's, at the OpenID path.
  @Get('openid-configuration')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'OpenID Provider configuration (OpenID Connect Discovery 1.0)' })
  @ApiOkResponse({
    description: 'Endpoints, supported values and signing algorithms (the current key first)',
    schema: {
      type: 'object',
      example: {
        issuer: 'https://auth.example.com',
        authorization_endpoint: 'https://auth.example.com/oauth/authorize',
        userinfo_endpoint: 'https://auth.example.com/userinfo',
        id_token_signing_alg_values_supported: ['RS256'],
      },
    },
  })
  document(): Promise<AuthorizationServerMetadata> {
    return this.metadata.document();
  }
}

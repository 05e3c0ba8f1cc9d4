import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JsonWebKey } from 'node:crypto';
import { Public } from '../auth/public.decorator';
import { GRANT_TYPES } from './grants';
import { SigningKeysService } from './keys/signing-keys.service';
import { AuthorizationServerMetadata, MetadataService } from './metadata.service';

// Both change rarely (a key rotation, a new scope); clients may cache them briefly.
const BRIEFLY_CACHEABLE = 'public, max-age=300';

@ApiTags('oauth')
@Public()
@Controller('.well-known')
export class WellKnownController {
  constructor(
    private readonly metadata: MetadataService,
    private readonly signingKeys: SigningKeysService,
  ) {}

  @Get('oauth-authorization-server')
  @Header('Cache-Control', BRIEFLY_CACHEABLE)
  @ApiOperation({ summary: 'Authorization server metadata (RFC 8414)' })
  @ApiOkResponse({
    description: 'Endpoints, grant types, client authentication methods and scopes',
    schema: {
      type: 'object',
      example: {
        issuer: 'https://auth.example.com',
        token_endpoint: 'https://auth.example.com/oauth/token',
        jwks_uri: 'https://auth.example.com/.well-known/jwks.json',
        grant_types_supported: [...GRANT_TYPES],
      },
    },
  })
  document(): Promise<AuthorizationServerMetadata> {
    return this.metadata.document();
  }

  @Get('jwks.json')
  @Header('Cache-Control', BRIEFLY_CACHEABLE)
  @ApiOperation({ summary: 'Public signing keys (RFC 7517): the current key and retired keys whose tokens may live' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { keys: { type: 'array', items: { type: 'object' } } },
      example: { keys: [{ kty: 'RSA', n: '0vx7...', e: 'AQAB', kid: 'NzbLsXh8...', alg: 'RS256', use: 'sig' }] },
    },
  })
  jwks(): Promise<{ keys: JsonWebKey[] }> {
    return this.signingKeys.jwks();
  }
}

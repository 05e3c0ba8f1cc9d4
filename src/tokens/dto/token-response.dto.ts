import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ID_TOKEN_TYPE, type TokenResponse } from '../token-response';

export class TokenResponseDto implements TokenResponse {
  @ApiProperty({
    description: 'An RFC 9068 JWT',
    example: 'eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6Ii4uLiJ9...',
  })
  access_token!: string;

  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  token_type!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires', example: 3600 })
  expires_in!: number;

  @ApiPropertyOptional({ description: 'Opaque, single use; absent for client_credentials', example: 'k3Jd...43 chars' })
  refresh_token?: string;

  @ApiProperty({ description: 'The granted scopes, space-delimited', example: 'contacts.read contacts.write' })
  scope!: string;

  @ApiPropertyOptional({
    description:
      'OpenID Connect ID token (a JWS, typ JWT): present when the granted scope contains openid and the token is for a user',
    example: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6Ii4uLiJ9...',
  })
  id_token?: string;

  @ApiPropertyOptional({ description: 'What id_token holds; present with it', enum: [ID_TOKEN_TYPE] })
  id_token_type?: typeof ID_TOKEN_TYPE;

  @ApiPropertyOptional({
    description: 'Token exchange (RFC 8693 §2.2.1): what access_token is',
    example: 'urn:ietf:params:oauth:token-type:access_token',
  })
  issued_token_type?: string;
}

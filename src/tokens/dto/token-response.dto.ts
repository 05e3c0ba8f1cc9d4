import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TokenResponse } from '../token-response';

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
}

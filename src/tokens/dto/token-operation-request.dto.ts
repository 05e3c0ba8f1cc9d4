import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 7009 §2.1 / RFC 7662 §2.1 request parameters. */
export class TokenOperationRequestDto {
  @ApiProperty({ description: 'An access token or a refresh token' })
  token!: string;

  @ApiPropertyOptional({
    enum: ['access_token', 'refresh_token'],
    description: 'A hint; the server searches both kinds',
  })
  token_type_hint?: string;

  @ApiPropertyOptional({ description: 'client_secret_post, or a public client (revocation only)' })
  client_id?: string;

  @ApiPropertyOptional({ description: 'client_secret_post (do not combine with Basic)' })
  client_secret?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Documentation of the token endpoint's form parameters (RFC 6749 §4.3.2, §4.4.2, §6). */
export class TokenRequestDto {
  @ApiProperty({ enum: ['password', 'refresh_token', 'client_credentials'], example: 'password' })
  grant_type!: string;

  @ApiPropertyOptional({
    description: 'password grant: the user email; `email@org-key` signs in for an organization',
    example: 'ada@example.com',
  })
  username?: string;

  @ApiPropertyOptional({
    description:
      'password grant: sign in for this organization (its key); the username may name it instead, as email@key',
    example: 'acme',
  })
  organization?: string;

  @ApiPropertyOptional({ description: 'password grant', example: 'correct horse battery staple' })
  password?: string;

  @ApiPropertyOptional({ description: 'refresh_token grant: the refresh token from a previous response' })
  refresh_token?: string;

  @ApiPropertyOptional({
    description: 'Space-delimited; omitted: the client defaults',
    example: 'contacts.read contacts.write',
  })
  scope?: string;

  @ApiPropertyOptional({ description: 'client_secret_post, or a public client', example: 'portal' })
  client_id?: string;

  @ApiPropertyOptional({ description: 'client_secret_post (do not combine with Basic)' })
  client_secret?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GRANT_TYPES } from '../grants';

/** Documentation of the token endpoint's form parameters (RFC 6749 §4.3.2, §4.4.2, §6; RFC 8693 §2.1; RFC 7523 §2.1). */
export class TokenRequestDto {
  @ApiProperty({
    enum: [...GRANT_TYPES],
    example: 'password',
  })
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

  @ApiPropertyOptional({ description: 'token exchange: the token to exchange (ours, or an identity provider’s)' })
  subject_token?: string;

  @ApiPropertyOptional({
    description: 'token exchange: what subject_token is',
    enum: [
      'urn:ietf:params:oauth:token-type:access_token',
      'urn:ietf:params:oauth:token-type:id_token',
      'urn:ietf:params:oauth:token-type:jwt',
    ],
  })
  subject_token_type?: string;

  @ApiPropertyOptional({
    description: 'token exchange: the identity provider alias of an opaque access token',
    example: 'facebook',
  })
  subject_issuer?: string;

  @ApiPropertyOptional({ description: 'token exchange: only urn:ietf:params:oauth:token-type:access_token' })
  requested_token_type?: string;

  @ApiPropertyOptional({ description: 'token exchange (RFC 8707): the absolute URI of the target resource' })
  resource?: string;

  @ApiPropertyOptional({ description: 'token exchange: the logical name of the target service' })
  audience?: string;

  @ApiPropertyOptional({ description: 'token exchange: an access token of this server naming the actor (delegation)' })
  actor_token?: string;

  @ApiPropertyOptional({ description: 'token exchange: urn:ietf:params:oauth:token-type:access_token' })
  actor_token_type?: string;

  @ApiPropertyOptional({ description: 'jwt-bearer grant (RFC 7523 §2.1): a JWT of a configured identity provider' })
  assertion?: string;
}

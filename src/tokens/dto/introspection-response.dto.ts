import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { IntrospectionResponse } from '../introspection.service';

/** RFC 7662 §2.2; every member but `active` is absent for an inactive token. */
export class IntrospectionResponseDto implements IntrospectionResponse {
  @ApiProperty({ example: true })
  active!: boolean;

  @ApiPropertyOptional({ example: 'contacts.read contacts.write' })
  scope?: string;

  @ApiPropertyOptional({ example: 'k9XbT3...' })
  client_id?: string;

  @ApiPropertyOptional({ description: "The user's email", example: 'ada@example.com' })
  username?: string;

  @ApiPropertyOptional({ enum: ['Bearer', 'refresh_token'], example: 'Bearer' })
  token_type?: 'Bearer' | 'refresh_token';

  @ApiPropertyOptional({ example: 1767225600 })
  exp?: number;

  @ApiPropertyOptional({ example: 1767222000 })
  iat?: number;

  @ApiPropertyOptional({ description: 'The user id, or the client_id for client_credentials tokens' })
  sub?: string;

  @ApiPropertyOptional({ example: 'https://auth.example.com' })
  aud?: string;

  @ApiPropertyOptional({ example: 'https://auth.example.com' })
  iss?: string;

  @ApiPropertyOptional()
  jti?: string;

  @ApiPropertyOptional({ description: 'The id of the organization the token was issued for' })
  org_id?: string;

  @ApiPropertyOptional({ description: 'The key of the organization the token was issued for', example: 'acme' })
  org?: string;

  @ApiPropertyOptional({ description: "The user's roles in that organization", type: [String], example: ['admin'] })
  org_roles?: string[];
}

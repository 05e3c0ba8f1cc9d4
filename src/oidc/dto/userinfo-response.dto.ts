import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { UserinfoClaims } from '../userinfo.service';

/** OpenID Connect Core §5.3.2: `sub` and the claims of the granted scopes. */
export class UserinfoResponseDto implements UserinfoClaims {
  @ApiProperty({ description: 'The user id: the sub of the ID token and access token', example: '3f0e9c1a-...' })
  sub!: string;

  @ApiPropertyOptional({ description: 'With scope profile', example: 'Ada Lovelace', nullable: true, type: String })
  name?: string | null;

  @ApiPropertyOptional({ description: 'With scope profile: seconds since the epoch', example: 1767323045 })
  updated_at?: number;

  @ApiPropertyOptional({ description: 'With scope email', example: 'ada@example.com' })
  email?: string;

  @ApiPropertyOptional({ description: 'With scope email', example: true })
  email_verified?: boolean;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { TOKEN_TYPE } from '../verification/external-credentials.service';

const LINKABLE_TOKEN_TYPES = [TOKEN_TYPE.idToken, TOKEN_TYPE.jwt, TOKEN_TYPE.accessToken];

/** The credential that proves the identity to link, as in a token exchange (RFC 8693 §2.1 names). */
export class LinkIdentityDto {
  @ApiProperty({ description: 'An ID token or JWT of an identity provider, or its opaque access token' })
  @IsString()
  @MinLength(1)
  @MaxLength(16_384)
  subject_token!: string;

  @ApiProperty({ enum: LINKABLE_TOKEN_TYPES, example: TOKEN_TYPE.idToken })
  @IsIn(LINKABLE_TOKEN_TYPES)
  subject_token_type!: string;

  @ApiPropertyOptional({ description: 'The provider alias, for an opaque access token', example: 'facebook' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  subject_issuer?: string;
}

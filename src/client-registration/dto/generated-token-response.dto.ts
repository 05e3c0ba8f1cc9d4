import { ApiProperty } from '@nestjs/swagger';

/** A client_credentials access token for trying the API, shaped like RFC 6749 §5.1 (never a refresh token). */
export class GeneratedTokenResponseDto {
  @ApiProperty({ description: 'A JWT access token (RFC 9068) whose subject is the app itself' })
  access_token!: string;

  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  token_type!: 'Bearer';

  @ApiProperty({ example: 600, description: 'Seconds until it expires (at most 600)' })
  expires_in!: number;

  @ApiProperty({ example: 'profile contacts.read', description: 'The granted scopes, space-delimited' })
  scope!: string;
}

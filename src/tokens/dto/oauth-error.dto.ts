import { ApiProperty } from '@nestjs/swagger';

/** RFC 6749 §5.2 error response. */
export class OAuthErrorDto {
  @ApiProperty({
    enum: [
      'invalid_request',
      'invalid_client',
      'invalid_grant',
      'unauthorized_client',
      'unsupported_grant_type',
      'invalid_scope',
      'unsupported_token_type',
    ],
    example: 'invalid_grant',
  })
  error!: string;

  @ApiProperty({ example: 'The username or password is incorrect' })
  error_description!: string;
}

import { ApiProperty } from '@nestjs/swagger';

/** The contract's error shape for every non-OAuth route. */
export class ErrorResponseDto {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ example: 'Not Found' })
  error!: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'What went wrong; a validation error lists every failing field',
    example: 'Contact not found',
  })
  message!: string | string[];
}

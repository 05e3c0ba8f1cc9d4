import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsString, Length, ValidateIf } from 'class-validator';
import { CreateContactDto } from './create-contact.dto';

/** Only the fields sent change; `null` clears email, phone or notes. */
export class UpdateContactDto extends PartialType(OmitType(CreateContactDto, ['name'] as const)) {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'Ada King, Countess of Lovelace' })
  // A name can change but never be cleared: null is refused, unlike the optional fields.
  @ValidateIf((_dto, value) => value !== undefined)
  @IsString()
  @Length(1, 200)
  name?: string;
}

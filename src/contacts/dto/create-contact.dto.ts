import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsEmailAddress } from '../../common/validation/is-email-address.decorator';

export class CreateContactDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Ada Lovelace' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 254, format: 'email', example: 'ada@example.com' })
  @IsOptional()
  @IsEmailAddress()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50, example: '+44 20 7946 0000' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, example: 'Met at the Analytical Engine demo' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

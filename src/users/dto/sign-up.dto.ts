import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength, ValidateBy, ValidationOptions } from 'class-validator';
import { IsEmailAddress, ToCanonicalEmail } from '../../common/validation/is-email-address.decorator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy';

/** The password must not equal the email of the same body (case-insensitive). */
function IsNotTheEmail(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotTheEmail',
      validator: {
        validate: (value: unknown, args) => {
          const email = (args?.object as { email?: unknown } | undefined)?.email;
          if (typeof value !== 'string' || typeof email !== 'string') return true;
          return value.trim().toLowerCase() !== email.trim().toLowerCase();
        },
        defaultMessage: () => 'password must not be the email address',
      },
    },
    options,
  );
}

export class SignUpDto {
  @ApiProperty({
    example: 'ada@example.com',
    maxLength: 254,
    description: 'Stored in canonical form (Unicode NFKC, lower-case, IDN domain in ASCII); must be unused',
  })
  @ToCanonicalEmail()
  @IsEmailAddress()
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    example: 'correct horse battery staple',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    writeOnly: true,
    description: 'At least 10 and at most 128 characters, not the email address',
  })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  @IsNotTheEmail()
  password!: string;

  @ApiPropertyOptional({ example: 'Ada Lovelace', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

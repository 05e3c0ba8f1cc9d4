import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsEmailAddress } from '../../../common/validation/is-email-address.decorator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../password-policy';

const NEW_PASSWORD = {
  example: 'correct horse battery staple',
  minLength: PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
  writeOnly: true,
  description: 'At least 10 and at most 128 characters, not the email address',
};
const LINK_TOKEN = { description: 'The token of the mailed link', example: 'k3Jd...43 chars', writeOnly: true };

export class ChangePasswordDto {
  @ApiProperty({ writeOnly: true, example: 'the password in use now' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  current_password!: string;

  @ApiProperty(NEW_PASSWORD)
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  new_password!: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @IsEmailAddress()
  @MaxLength(254)
  email!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty(LINK_TOKEN)
  @IsString()
  @MaxLength(100)
  token!: string;

  @ApiProperty(NEW_PASSWORD)
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class VerifyEmailDto {
  @ApiProperty(LINK_TOKEN)
  @IsString()
  @MaxLength(100)
  token!: string;
}

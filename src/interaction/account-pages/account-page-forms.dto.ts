import { IsString, MaxLength } from 'class-validator';

/** The forms of the account pages carry the mailed link's token. */
export class AccountLinkFormDto {
  @IsString()
  @MaxLength(100)
  token!: string;

  /** Checked by the CSRF hook before validation; listed so the whitelist keeps it. */
  @IsString()
  _csrf!: string;
}

/** The new password is checked by the password policy, whose message the page shows. */
export class ResetPasswordFormDto extends AccountLinkFormDto {
  @IsString()
  @MaxLength(1024)
  password!: string;
}

import { IsIn, IsString, MaxLength } from 'class-validator';

const MAX_REQUEST_LENGTH = 16 * 1024;

/** Every form of the flow carries the original authorization request (re-validated on each post). */
export class AuthorizationFormDto {
  @IsString()
  @MaxLength(MAX_REQUEST_LENGTH)
  authorization_request!: string;

  /** Checked by the CSRF hook before validation; listed so the whitelist keeps it. */
  @IsString()
  _csrf!: string;
}

export class SignInFormDto extends AuthorizationFormDto {
  @IsString()
  @MaxLength(320)
  email!: string;

  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class ConsentFormDto extends AuthorizationFormDto {
  @IsIn(['allow', 'deny'])
  decision!: 'allow' | 'deny';
}

import { IsString, MaxLength } from 'class-validator';

/** The confirmation of the logout page: it carries the original logout request (re-read on the post). */
export class LogoutFormDto {
  @IsString()
  @MaxLength(16 * 1024)
  logout_request!: string;

  /** Checked by the CSRF hook before validation; listed so the whitelist keeps it. */
  @IsString()
  _csrf!: string;
}

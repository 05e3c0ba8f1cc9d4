import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Public } from '../../auth/public.decorator';
import { Scopes } from '../../auth/scopes.decorator';
import { ErrorResponseDto } from '../../swagger/error-response.dto';
import { UsersService } from '../users.service';
import { ChangePasswordDto, PasswordResetConfirmDto, PasswordResetRequestDto, VerifyEmailDto } from './dto/account.dto';
import { EmailVerificationService } from './email-verification.service';
import { PasswordResetService } from './password-reset.service';

@ApiTags('users')
@Controller('users')
export class AccountController {
  constructor(
    private readonly users: UsersService,
    private readonly passwordReset: PasswordResetService,
    private readonly emailVerification: EmailVerificationService,
  ) {}

  @Post('me/password')
  @Scopes('profile')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the password', description: 'Ends every refresh token of the user.' })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'current_password is incorrect, or the new one is refused',
  })
  changePassword(@CurrentUser() userId: string, @Body() body: ChangePasswordDto): Promise<void> {
    return this.users.changePassword(userId, body.current_password, body.new_password);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a password reset link by mail',
    description: 'Always 202, whether or not the address has an account; the link works once, for 30 minutes.',
  })
  @ApiAcceptedResponse({ description: 'A mail is on its way if the address has an account' })
  requestPasswordReset(@Body() body: PasswordResetRequestDto, @Ip() ip: string): void {
    this.passwordReset.request(body.email, ip);
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with the token of a reset link',
    description: 'Ends every refresh token of the user.',
  })
  @ApiNoContentResponse({ description: 'The password is changed' })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'The link is invalid, used or expired, or the password is refused',
  })
  confirmPasswordReset(@Body() body: PasswordResetConfirmDto, @Ip() ip: string): Promise<void> {
    return this.passwordReset.confirm(body.token, body.password, ip);
  }

  @Post('me/email-verification')
  @Scopes('profile')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a link that verifies the address',
    description: 'Nothing is sent when it is verified already.',
  })
  @ApiAcceptedResponse({ description: 'Sent' })
  sendEmailVerification(@CurrentUser() userId: string, @Ip() ip: string): Promise<void> {
    return this.emailVerification.send(userId, ip);
  }

  @Post('verify-email')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Verify the address with the token of a verification link' })
  @ApiNoContentResponse({ description: 'email_verified is now true' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The link is invalid, used or expired' })
  verifyEmail(@Body() body: VerifyEmailDto, @Ip() ip: string): Promise<void> {
    return this.emailVerification.verify(body.token, ip);
  }
}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionsModule } from '../interaction/sessions/sessions.module';
import { MailModule } from '../mail/mail.module';
import { RefreshTokensModule } from '../refresh-tokens/refresh-tokens.module';
import { AccountController } from './account/account.controller';
import { AccountToken } from './account/account-token.entity';
import { AccountTokenRepository } from './account/account-token.repository';
import { EmailVerificationService } from './account/email-verification.service';
import { PasswordResetService } from './account/password-reset.service';
import { PasswordHasher } from './password-hasher';
import { SignUpService } from './sign-up.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, AccountToken]), RefreshTokensModule, MailModule, SessionsModule],
  controllers: [UsersController, AccountController],
  providers: [
    UsersRepository,
    UsersService,
    PasswordHasher,
    SignUpService,
    AccountTokenRepository,
    PasswordResetService,
    EmailVerificationService,
  ],
  exports: [UsersRepository, UsersService, PasswordHasher, PasswordResetService, EmailVerificationService],
})
export class UsersModule {}

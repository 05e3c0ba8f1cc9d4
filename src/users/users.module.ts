import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module';
import { RefreshToken } from '../tokens/refresh-token.entity';
import { AccountController } from './account/account.controller';
import { AccountToken } from './account/account-token.entity';
import { AccountTokenRepository } from './account/account-token.repository';
import { EmailVerificationService } from './account/email-verification.service';
import { PasswordResetService } from './account/password-reset.service';
import { PasswordHasher } from './password-hasher';
import { SignUpService } from './sign-up.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, RefreshToken, AccountToken]), MailModule],
  controllers: [UsersController, AccountController],
  providers: [
    UsersService,
    PasswordHasher,
    SignUpService,
    AccountTokenRepository,
    PasswordResetService,
    EmailVerificationService,
  ],
  exports: [UsersService, PasswordHasher],
})
export class UsersModule {}

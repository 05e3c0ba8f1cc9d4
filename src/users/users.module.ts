import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefreshToken } from '../tokens/refresh-token.entity';
import { PasswordHasher } from './password-hasher';
import { SignUpService } from './sign-up.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, RefreshToken])],
  controllers: [UsersController],
  providers: [UsersService, PasswordHasher, SignUpService],
  exports: [UsersService, PasswordHasher],
})
export class UsersModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from '../clients/client.entity';
import { User } from '../users/user.entity';
import { UsersModule } from '../users/users.module';
import { BootstrapService } from './bootstrap.service';

@Module({
  imports: [UsersModule, TypeOrmModule.forFeature([User, Client])],
  providers: [BootstrapService],
})
export class BootstrapModule {}

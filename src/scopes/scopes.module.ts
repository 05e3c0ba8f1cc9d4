import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Scope } from './scope.entity';
import { ScopesRepository } from './scopes.repository';
import { ScopesService } from './scopes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Scope])],
  providers: [ScopesRepository, ScopesService],
  exports: [ScopesRepository, ScopesService],
})
export class ScopesModule {}

import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TokenCutoff } from './token-cutoff.entity';
import { TokenCutoffsRepository } from './token-cutoffs.repository';
import { TokenCutoffs } from './token-cutoffs.service';

/** Global: disabling users and clients, account recovery and organizations all cut tokens off. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([TokenCutoff])],
  providers: [TokenCutoffsRepository, TokenCutoffs],
  exports: [TokenCutoffs],
})
export class RevocationModule {}

import { Module } from '@nestjs/common';
import { KeysModule } from '../tokens/keys/keys.module';
import { UsersModule } from '../users/users.module';
import { IdTokenService } from './id-token.service';

/** ID token signing, for every grant that answers a user's `openid` request. */
@Module({
  imports: [KeysModule, UsersModule],
  providers: [IdTokenService],
  exports: [IdTokenService],
})
export class IdTokensModule {}

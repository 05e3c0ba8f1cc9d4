import { Module } from '@nestjs/common';
import { KeysModule } from '../tokens/keys/keys.module';
import { UsersModule } from '../users/users.module';
import { IdTokenHintVerifier } from './id-token-hint.verifier';
import { IdTokenService } from './id-token.service';

/** ID token signing, for every grant that answers a user's `openid` request, and reading them back as logout hints. */
@Module({
  imports: [KeysModule, UsersModule],
  providers: [IdTokenService, IdTokenHintVerifier],
  exports: [IdTokenService, IdTokenHintVerifier],
})
export class IdTokensModule {}

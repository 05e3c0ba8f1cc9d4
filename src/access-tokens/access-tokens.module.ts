import { Module } from '@nestjs/common';
import { RevocationModule } from '../revocation/revocation.module';
import { KeysModule } from '../tokens/keys/keys.module';
import { AccessTokenVerifier } from './access-token-verifier.service';

/**
 * Verifying our own RFC 9068 access tokens, below both the bearer guard (`auth/`) and the token
 * endpoints that read such tokens (`tokens/`: revocation, introspection, token exchange).
 */
@Module({
  imports: [KeysModule, RevocationModule],
  providers: [AccessTokenVerifier],
  exports: [AccessTokenVerifier],
})
export class AccessTokensModule {}

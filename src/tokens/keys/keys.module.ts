import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from '../../clients/client.entity';
import { RevokedAccessToken } from '../revoked-access-token.entity';
import { SigningKey } from '../signing-key.entity';
import { KeyRotationService } from './key-rotation.service';
import { RevokedTokensService } from './revoked-tokens.service';
import { SigningKeysService } from './signing-keys.service';

/**
 * Signing keys (and their rotation) and the access-token revocation list: what both issuing and
 * verifying tokens need.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SigningKey, RevokedAccessToken, Client])],
  providers: [SigningKeysService, RevokedTokensService, KeyRotationService],
  exports: [SigningKeysService, RevokedTokensService, KeyRotationService],
})
export class KeysModule {}

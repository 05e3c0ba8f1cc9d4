import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClientsModule } from '../../clients/clients.module';
import { RevokedAccessToken } from '../revoked-access-token.entity';
import { SigningKey } from '../signing-key.entity';
import { KeyRotationService } from './key-rotation.service';
import { RevokedAccessTokensRepository } from './revoked-access-tokens.repository';
import { RevokedTokensService } from './revoked-tokens.service';
import { SigningKeysRepository } from './signing-keys.repository';
import { SigningKeysService } from './signing-keys.service';

/**
 * Signing keys (and their rotation) and the access-token revocation list: what both issuing and
 * verifying tokens need.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SigningKey, RevokedAccessToken]), ClientsModule],
  providers: [
    SigningKeysRepository,
    SigningKeysService,
    RevokedAccessTokensRepository,
    RevokedTokensService,
    KeyRotationService,
  ],
  exports: [SigningKeysService, RevokedTokensService, KeyRotationService],
})
export class KeysModule {}

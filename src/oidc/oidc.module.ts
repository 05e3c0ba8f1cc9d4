import { Module } from '@nestjs/common';
import { TokensModule } from '../tokens/tokens.module';
import { UsersModule } from '../users/users.module';
import { DiscoveryController } from './discovery.controller';
import { UserinfoController } from './userinfo.controller';
import { UserinfoService } from './userinfo.service';

/** The OpenID Provider's own endpoints: userinfo and discovery. ID tokens are in IdTokensModule. */
@Module({
  imports: [TokensModule, UsersModule],
  controllers: [UserinfoController, DiscoveryController],
  providers: [UserinfoService],
})
export class OidcModule {}

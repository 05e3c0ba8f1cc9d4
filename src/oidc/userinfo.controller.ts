import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessTokenPrincipal } from '../access-tokens/access-token-principal';
import { CurrentToken } from '../auth/current-token.decorator';
import { Scopes } from '../auth/scopes.decorator';
import { NoStore } from '../common/http/no-store';
import { UserinfoResponseDto } from './dto/userinfo-response.dto';
import { UserinfoService } from './userinfo.service';

const DESCRIPTION =
  'OpenID Connect Core §5.3. The access token goes in the Authorization header, or (POST) in a form body field access_token (RFC 6750 §2.2).';

@ApiTags('oidc')
@Scopes('openid')
@Controller('userinfo')
export class UserinfoController {
  constructor(private readonly userinfo: UserinfoService) {}

  @Get()
  @NoStore()
  @ApiOperation({ summary: 'Claims about the signed-in user', description: DESCRIPTION })
  @ApiOkResponse({ type: UserinfoResponseDto })
  read(@CurrentToken() token: AccessTokenPrincipal): Promise<UserinfoResponseDto> {
    return this.userinfo.claimsFor(token);
  }

  // Core §5.3.1: the UserInfo Endpoint MUST support both GET and POST.
  @Post()
  @HttpCode(200)
  @NoStore()
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({ summary: 'Claims about the signed-in user (POST)', description: DESCRIPTION })
  @ApiOkResponse({ type: UserinfoResponseDto })
  readByPost(@CurrentToken() token: AccessTokenPrincipal): Promise<UserinfoResponseDto> {
    return this.userinfo.claimsFor(token);
  }
}

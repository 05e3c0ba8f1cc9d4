import { Body, Controller, Delete, Get, HttpCode, Ip, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { Scopes } from '../auth/scopes.decorator';
import { ApiErrorResponses } from '../swagger/api-responses.decorator';
import { IdentityResponseDto } from './dto/identity-response.dto';
import { LinkIdentityDto } from './dto/link-identity.dto';
import { IdentityLinkingService } from './identity-linking.service';

@ApiTags('users')
@Controller('users/me/identities')
@Scopes('profile')
export class IdentitiesController {
  constructor(private readonly linking: IdentityLinkingService) {}

  @Post()
  @ApiOperation({
    summary: 'Link an external identity to the signed-in user',
    description: 'The credential is verified like a token exchange subject and spent; then its identity signs in here.',
  })
  @ApiCreatedResponse({ type: IdentityResponseDto })
  @ApiErrorResponses(400, 409)
  async link(
    @CurrentUser() userId: string,
    @Ip() ip: string,
    @Body() body: LinkIdentityDto,
  ): Promise<IdentityResponseDto> {
    const credential = { token: body.subject_token, tokenType: body.subject_token_type, issuer: body.subject_issuer };
    return IdentityResponseDto.from(await this.linking.link(userId, credential, ip));
  }

  @Get()
  @ApiOperation({ summary: 'The external identities linked to the signed-in user' })
  @ApiOkResponse({ type: [IdentityResponseDto] })
  async list(@CurrentUser() userId: string): Promise<IdentityResponseDto[]> {
    return (await this.linking.list(userId)).map((identity) => IdentityResponseDto.from(identity));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unlink an external identity' })
  @ApiNoContentResponse({ description: 'Unlinked' })
  @ApiErrorResponses(404)
  async unlink(
    @CurrentUser() userId: string,
    @Ip() ip: string,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.linking.unlink(userId, id, ip);
  }
}

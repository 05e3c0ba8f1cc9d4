import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Scopes } from '../../auth/scopes.decorator';
import { type Page, PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { ApiErrorResponses, ApiPaginatedResponse } from '../../swagger/api-responses.decorator';
import { ConsentsService } from './consents.service';
import { ConsentResponseDto } from './dto/consent-response.dto';

const CLIENT_ID_PARAM = { name: 'client_id', description: 'The app’s client_id', example: 'c_3f0e9c1a8b' };

/** The apps a user has allowed on the consent page: listed, and withdrawn. */
@ApiTags('users')
@Controller('users/me/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get()
  @Scopes('profile')
  @ApiOperation({ summary: 'The apps you allowed, and their scopes' })
  @ApiPaginatedResponse(ConsentResponseDto)
  @ApiErrorResponses(400)
  async list(@CurrentUser() userId: string, @Query() page: PaginationQueryDto): Promise<Page<ConsentResponseDto>> {
    const { items, total } = await this.consents.list(userId, page);
    return { items: items.map((grant) => ConsentResponseDto.from(grant)), total };
  }

  @Get(':client_id')
  @Scopes('profile')
  @ApiOperation({ summary: 'What you allowed one app' })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiOkResponse({ type: ConsentResponseDto })
  @ApiErrorResponses(404)
  async get(@CurrentUser() userId: string, @Param('client_id') clientId: string): Promise<ConsentResponseDto> {
    return ConsentResponseDto.from(await this.consents.get(userId, clientId));
  }

  @Delete()
  @Scopes('profile')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Withdraw every consent',
    description: 'Each app asks again next time; their refresh tokens for you end now.',
  })
  @ApiNoContentResponse({ description: 'Withdrawn' })
  deleteAll(@CurrentUser() userId: string): Promise<void> {
    return this.consents.revokeAll(userId);
  }

  @Delete(':client_id')
  @Scopes('profile')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Withdraw the consent given to one app',
    description: 'The app asks again next time; its refresh tokens for you end now.',
  })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @ApiErrorResponses(404)
  delete(@CurrentUser() userId: string, @Param('client_id') clientId: string): Promise<void> {
    return this.consents.revoke(userId, clientId);
  }
}

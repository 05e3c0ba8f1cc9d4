import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { type Page, PaginationQueryDto } from '../common/pagination/pagination.dto';
import { IdentityProvidersService } from '../identities/identity-providers.service';
import { ApiErrorResponses, ApiPaginatedResponse } from '../swagger/api-responses.decorator';
import { AdminRoute } from './admin-route.decorator';
import {
  CreateIdentityProviderDto,
  IdentityProviderResponseDto,
  UpdateIdentityProviderDto,
} from './dto/admin-identity-provider.dto';

@Controller('admin/identity-providers')
@AdminRoute()
export class AdminIdentityProvidersController {
  constructor(private readonly providers: IdentityProvidersService) {}

  @Get()
  @ApiOperation({ summary: 'List identity providers (federated sign-in)' })
  @ApiPaginatedResponse(IdentityProviderResponseDto)
  @ApiErrorResponses(400)
  async list(@Query() page: PaginationQueryDto): Promise<Page<IdentityProviderResponseDto>> {
    const { items, total } = await this.providers.list(page.limit, page.offset);
    return { items: items.map((provider) => IdentityProviderResponseDto.from(provider)), total };
  }

  @Post()
  @ApiOperation({ summary: 'Add an identity provider (oidc: an OpenID provider; facebook: Graph access tokens)' })
  @ApiCreatedResponse({ type: IdentityProviderResponseDto })
  @ApiErrorResponses(400, 409)
  async create(
    @CurrentUser() adminId: string,
    @Ip() ip: string,
    @Body() body: CreateIdentityProviderDto,
  ): Promise<IdentityProviderResponseDto> {
    return IdentityProviderResponseDto.from(
      await this.providers.create(adminId, CreateIdentityProviderDto.toNew(body), ip),
    );
  }

  @Get(':alias')
  @ApiOperation({ summary: 'Read an identity provider (never its app secret)' })
  @ApiOkResponse({ type: IdentityProviderResponseDto })
  @ApiErrorResponses(404)
  async get(@Param('alias') alias: string): Promise<IdentityProviderResponseDto> {
    return IdentityProviderResponseDto.from(await this.providers.get(alias));
  }

  @Patch(':alias')
  @ApiOperation({ summary: 'Change an identity provider (alias and type are fixed)' })
  @ApiOkResponse({ type: IdentityProviderResponseDto })
  @ApiErrorResponses(400, 404, 409)
  async update(
    @CurrentUser() adminId: string,
    @Ip() ip: string,
    @Param('alias') alias: string,
    @Body() body: UpdateIdentityProviderDto,
  ): Promise<IdentityProviderResponseDto> {
    const changes = UpdateIdentityProviderDto.toChanges(body);
    return IdentityProviderResponseDto.from(await this.providers.update(adminId, alias, changes, ip));
  }

  @Delete(':alias')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an identity provider and every identity linked through it' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(404)
  async delete(@CurrentUser() adminId: string, @Ip() ip: string, @Param('alias') alias: string): Promise<void> {
    await this.providers.delete(adminId, alias, ip);
  }
}

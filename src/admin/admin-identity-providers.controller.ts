import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { type Page, PaginationQuery } from '../common/pagination/pagination.dto';
import { IdentityProvidersService } from '../identities/identity-providers.service';
import { ApiErrorResponses, ApiPaginatedResponse } from '../swagger/api-responses.decorator';
import { AdminRoute } from './admin-route.decorator';
import {
  CreateIdentityProviderDto,
  IdentityProviderResponse,
  UpdateIdentityProviderDto,
} from './dto/admin-identity-provider.dto';

@Controller('admin/identity-providers')
@AdminRoute()
export class AdminIdentityProvidersController {
  constructor(private readonly providers: IdentityProvidersService) {}

  @Get()
  @ApiOperation({ summary: 'List identity providers (federated sign-in)' })
  @ApiPaginatedResponse(IdentityProviderResponse)
  @ApiErrorResponses(400)
  async list(@Query() page: PaginationQuery): Promise<Page<IdentityProviderResponse>> {
    const { items, total } = await this.providers.list(page.limit, page.offset);
    return { items: items.map((provider) => IdentityProviderResponse.from(provider)), total };
  }

  @Post()
  @ApiOperation({ summary: 'Add an identity provider (oidc: an OpenID provider; facebook: Graph access tokens)' })
  @ApiCreatedResponse({ type: IdentityProviderResponse })
  @ApiErrorResponses(400, 409)
  async create(
    @CurrentUser() adminId: string,
    @Ip() ip: string,
    @Body() body: CreateIdentityProviderDto,
  ): Promise<IdentityProviderResponse> {
    return IdentityProviderResponse.from(
      await this.providers.create(adminId, CreateIdentityProviderDto.toNew(body), ip),
    );
  }

  @Get(':alias')
  @ApiOperation({ summary: 'Read an identity provider (never its app secret)' })
  @ApiOkResponse({ type: IdentityProviderResponse })
  @ApiErrorResponses(404)
  async get(@Param('alias') alias: string): Promise<IdentityProviderResponse> {
    return IdentityProviderResponse.from(await this.providers.get(alias));
  }

  @Patch(':alias')
  @ApiOperation({ summary: 'Change an identity provider (alias and type are fixed)' })
  @ApiOkResponse({ type: IdentityProviderResponse })
  @ApiErrorResponses(400, 404, 409)
  async update(
    @CurrentUser() adminId: string,
    @Ip() ip: string,
    @Param('alias') alias: string,
    @Body() body: UpdateIdentityProviderDto,
  ): Promise<IdentityProviderResponse> {
    const changes = UpdateIdentityProviderDto.toChanges(body);
    return IdentityProviderResponse.from(await this.providers.update(adminId, alias, changes, ip));
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

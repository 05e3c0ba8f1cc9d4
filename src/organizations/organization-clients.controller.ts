import { Body, Controller, Get, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { Scopes } from '../auth/scopes.decorator';
import { ClientResponseDto, ClientWithSecretResponseDto } from '../client-registration/dto/client-response.dto';
import { CreateClientDto } from '../client-registration/dto/create-client.dto';
import { NoStore } from '../common/http/no-store';
import { type Page, PaginationQueryDto } from '../common/pagination/pagination.dto';
import { ApiErrorResponses, ApiPaginatedResponse } from '../swagger/api-responses.decorator';
import { ORGANIZATION_KEY_PARAM } from './organization-params';
import { OrganizationClientsService } from './organization-clients.service';

@ApiTags('organizations')
@Controller('orgs/:key/clients')
@ApiParam(ORGANIZATION_KEY_PARAM)
export class OrganizationClientsController {
  constructor(private readonly clients: OrganizationClientsService) {}

  @Post()
  @NoStore()
  @Scopes('orgs:write')
  @ApiOperation({
    summary: 'Register an org app (owners and admins)',
    description: `It signs in only the organization's members, always for the organization. The client_secret is in this response only. At most QUOTA_APPS_PER_ORG per organization (default 50; 409 past it).`,
  })
  @ApiCreatedResponse({ type: ClientWithSecretResponseDto })
  @ApiErrorResponses(400, 404, 409)
  async register(
    @CurrentUser() userId: string,
    @Ip() ip: string,
    @Param('key') key: string,
    @Body() body: CreateClientDto,
  ): Promise<ClientWithSecretResponseDto> {
    const { client, secret } = await this.clients.register({ userId, ip }, key, body);
    return ClientWithSecretResponseDto.withSecret(client, secret);
  }

  @Get()
  @Scopes('orgs:read')
  @ApiOperation({ summary: "The organization's apps (owners and admins; never a secret)" })
  @ApiPaginatedResponse(ClientResponseDto)
  @ApiErrorResponses(400, 404)
  async list(
    @CurrentUser() userId: string,
    @Param('key') key: string,
    @Query() page: PaginationQueryDto,
  ): Promise<Page<ClientResponseDto>> {
    const { items, total } = await this.clients.list(userId, key, page);
    return { items: items.map((client) => ClientResponseDto.from(client)), total };
  }
}

import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Page } from '../common/pagination/pagination.dto';
import { ApiErrorResponses, ApiPaginatedResponse } from '../swagger/api-responses.decorator';
import { AdminClientsService, ClientWithOwner } from './admin-clients.service';
import { AdminRoute } from './admin-route.decorator';
import { AdminClientQueryDto, AdminClientResponseDto, UpdateClientByAdminDto } from './dto/admin-client.dto';

const toResponse = ({ client, owner }: ClientWithOwner): AdminClientResponseDto =>
  AdminClientResponseDto.withOwner(client, owner);

@Controller('admin/clients')
@AdminRoute()
export class AdminClientsController {
  constructor(private readonly clients: AdminClientsService) {}

  @Get()
  @ApiOperation({ summary: 'List every client with its owner' })
  @ApiPaginatedResponse(AdminClientResponseDto)
  @ApiErrorResponses(400)
  async list(@Query() query: AdminClientQueryDto): Promise<Page<AdminClientResponseDto>> {
    const { items, total } = await this.clients.list(query);
    return { items: items.map(toResponse), total };
  }

  @Get(':client_id')
  @ApiOperation({ summary: 'Read a client' })
  @ApiOkResponse({ type: AdminClientResponseDto })
  @ApiErrorResponses(404)
  async get(@Param('client_id') clientId: string): Promise<AdminClientResponseDto> {
    return toResponse(await this.clients.get(clientId));
  }

  @Patch(':client_id')
  @ApiOperation({
    summary: 'Change scopes (admin-only ones too), grant types, lifetimes, introspection right; disable',
    description: 'Disabling revokes the client’s refresh tokens.',
  })
  @ApiOkResponse({ type: AdminClientResponseDto })
  @ApiErrorResponses(400, 404)
  async update(
    @CurrentUser() adminId: string,
    @Ip() ip: string,
    @Param('client_id') clientId: string,
    @Body() body: UpdateClientByAdminDto,
  ): Promise<AdminClientResponseDto> {
    return toResponse(await this.clients.update(adminId, clientId, body, ip));
  }

  @Delete(':client_id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a client; its refresh tokens are revoked' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(404)
  async delete(@CurrentUser() adminId: string, @Ip() ip: string, @Param('client_id') clientId: string): Promise<void> {
    await this.clients.delete(adminId, clientId, ip);
  }
}

import { Controller, Delete, Get, HttpCode, Ip, Param, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Page } from '../common/pagination/pagination.dto';
import { ApiErrorResponses, ApiPaginatedResponse } from '../swagger/api-responses.decorator';
import { AdminOrganizationsService } from './admin-organizations.service';
import { AdminRoute } from './admin-route.decorator';
import { AdminOrganizationQueryDto, AdminOrganizationResponseDto } from './dto/admin-organization.dto';

const KEY_PARAM = { name: 'key', description: 'The organization key', example: 'acme' };

@Controller('admin/orgs')
@AdminRoute()
export class AdminOrganizationsController {
  constructor(private readonly organizations: AdminOrganizationsService) {}

  @Get()
  @ApiOperation({ summary: 'List every organization, optionally searching its key and name' })
  @ApiPaginatedResponse(AdminOrganizationResponseDto)
  @ApiErrorResponses(400)
  async list(@Query() query: AdminOrganizationQueryDto): Promise<Page<AdminOrganizationResponseDto>> {
    const { items, total } = await this.organizations.list(query);
    return {
      items: items.map(({ organization, counts }) => AdminOrganizationResponseDto.withCounts(organization, counts)),
      total,
    };
  }

  @Get(':key')
  @ApiOperation({ summary: 'Read an organization' })
  @ApiParam(KEY_PARAM)
  @ApiOkResponse({ type: AdminOrganizationResponseDto })
  @ApiErrorResponses(404)
  async get(@Param('key') key: string): Promise<AdminOrganizationResponseDto> {
    const { organization, counts } = await this.organizations.get(key);
    return AdminOrganizationResponseDto.withCounts(organization, counts);
  }

  @Delete(':key')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an organization with its memberships and apps',
    description:
      'Every refresh token issued for it is revoked and its members’ access tokens for it stop working at once.',
  })
  @ApiParam(KEY_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(404)
  async delete(@CurrentUser() adminId: string, @Ip() ip: string, @Param('key') key: string): Promise<void> {
    await this.organizations.delete(adminId, key, ip);
  }
}

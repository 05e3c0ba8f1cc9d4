import { Body, Controller, Delete, Get, HttpCode, Ip, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Page } from '../common/pagination/pagination.dto';
import { ApiErrorResponses, ApiPaginatedResponse } from '../swagger/api-responses.decorator';
import { AdminUsersService } from './admin-users.service';
import { AdminRoute } from './admin-route.decorator';
import { AdminUserQueryDto, AdminUserResponseDto, UpdateUserByAdminDto } from './dto/admin-user.dto';

@Controller('admin/users')
@AdminRoute()
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users, optionally searching by email' })
  @ApiPaginatedResponse(AdminUserResponseDto)
  @ApiErrorResponses(400)
  async list(@Query() query: AdminUserQueryDto): Promise<Page<AdminUserResponseDto>> {
    const { items, total } = await this.users.list(query);
    return { items: items.map((user) => AdminUserResponseDto.from(user)), total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a user' })
  @ApiOkResponse({ type: AdminUserResponseDto })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<AdminUserResponseDto> {
    return AdminUserResponseDto.from(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Disable or enable, make or unmake admin, rename',
    description: 'Disabling revokes the user’s refresh tokens. An admin cannot disable or un-admin themselves (409).',
  })
  @ApiOkResponse({ type: AdminUserResponseDto })
  @ApiErrorResponses(400, 404, 409)
  async update(
    @CurrentUser() adminId: string,
    @Ip() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserByAdminDto,
  ): Promise<AdminUserResponseDto> {
    return AdminUserResponseDto.from(await this.users.update(adminId, id, body, ip));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a user with their apps, tokens and contacts', description: 'Not oneself (409).' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(400, 404, 409)
  async delete(
    @CurrentUser() adminId: string,
    @Ip() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.users.delete(adminId, id, ip);
  }
}

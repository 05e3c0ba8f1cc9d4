import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { type Page, PaginationQueryDto } from '../common/pagination/pagination.dto';
import { ApiErrorResponses, ApiPaginatedResponse } from '../swagger/api-responses.decorator';
import { AdminScopesService } from './admin-scopes.service';
import { AdminRoute } from './admin-route.decorator';
import { CreateScopeDto, ScopeResponseDto, UpdateScopeDto } from './dto/admin-scope.dto';

@Controller('admin/scopes')
@AdminRoute()
export class AdminScopesController {
  constructor(private readonly scopes: AdminScopesService) {}

  @Get()
  @ApiOperation({ summary: 'List scopes' })
  @ApiPaginatedResponse(ScopeResponseDto)
  @ApiErrorResponses(400)
  async list(@Query() page: PaginationQueryDto): Promise<Page<ScopeResponseDto>> {
    const { items, total } = await this.scopes.list(page);
    return { items: items.map((scope) => ScopeResponseDto.from(scope)), total };
  }

  @Post()
  @ApiOperation({ summary: 'Create a scope' })
  @ApiCreatedResponse({ type: ScopeResponseDto })
  @ApiErrorResponses(400, 409)
  async create(
    @CurrentUser() adminId: string,
    @Ip() ip: string,
    @Body() body: CreateScopeDto,
  ): Promise<ScopeResponseDto> {
    return ScopeResponseDto.from(await this.scopes.create(adminId, body, ip));
  }

  @Get(':name')
  @ApiOperation({ summary: 'Read a scope' })
  @ApiOkResponse({ type: ScopeResponseDto })
  @ApiErrorResponses(404)
  async get(@Param('name') name: string): Promise<ScopeResponseDto> {
    return ScopeResponseDto.from(await this.scopes.get(name));
  }

  @Patch(':name')
  @ApiOperation({ summary: 'Change a scope’s description, default or admin-only flag' })
  @ApiOkResponse({ type: ScopeResponseDto })
  @ApiErrorResponses(400, 404)
  async update(
    @CurrentUser() adminId: string,
    @Ip() ip: string,
    @Param('name') name: string,
    @Body() body: UpdateScopeDto,
  ): Promise<ScopeResponseDto> {
    return ScopeResponseDto.from(await this.scopes.update(adminId, name, body, ip));
  }

  @Delete(':name')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a scope no client is allowed any more (else 409)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(404, 409)
  async delete(@CurrentUser() adminId: string, @Ip() ip: string, @Param('name') name: string): Promise<void> {
    await this.scopes.delete(adminId, name, ip);
  }
}

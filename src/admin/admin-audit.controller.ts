import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Scopes } from '../auth/scopes.decorator';
import type { Page } from '../common/pagination/pagination.dto';
import { ApiErrorResponses, ApiPaginatedResponse } from '../swagger/api-responses.decorator';
import { AdminAuditService } from './admin-audit.service';
import { CurrentAdminGuard } from './current-admin.guard';
import { AuditEventResponse, AuditQuery } from './dto/admin-audit.dto';

@ApiTags('admin')
@Controller('admin/audit')
@Scopes('admin')
@UseGuards(CurrentAdminGuard)
export class AdminAuditController {
  constructor(private readonly audit: AdminAuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first, filtered by type, user, client and time' })
  @ApiPaginatedResponse(AuditEventResponse)
  @ApiErrorResponses(400)
  async search(@Query() query: AuditQuery): Promise<Page<AuditEventResponse>> {
    const { items, total } = await this.audit.search(query);
    return { items: items.map((event) => AuditEventResponse.of(event)), total };
  }
}

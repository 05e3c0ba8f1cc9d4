import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Page } from '../common/pagination/pagination.dto';
import { ApiErrorResponses, ApiPaginatedResponse } from '../swagger/api-responses.decorator';
import { AdminAuditService } from './admin-audit.service';
import { AdminRoute } from './admin-route.decorator';
import { AuditEventResponseDto, AuditQueryDto } from './dto/admin-audit.dto';

@Controller('admin/audit')
@AdminRoute()
export class AdminAuditController {
  constructor(private readonly audit: AdminAuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first, filtered by type, user, client and time' })
  @ApiPaginatedResponse(AuditEventResponseDto)
  @ApiErrorResponses(400)
  async search(@Query() query: AuditQueryDto): Promise<Page<AuditEventResponseDto>> {
    const { items, total } = await this.audit.search(query);
    return { items: items.map((event) => AuditEventResponseDto.from(event)), total };
  }
}

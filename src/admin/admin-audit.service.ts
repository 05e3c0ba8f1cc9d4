import { Injectable } from '@nestjs/common';
import type { AuditEvent } from '../audit/audit-event.entity';
import { AuditEventsRepository } from '../audit/audit-events.repository';
import type { Page } from '../common/pagination/pagination.dto';
import type { AuditQueryDto } from './dto/admin-audit.dto';

/** Reads the audit log, newest first; the log itself is append-only and has no write route. */
@Injectable()
export class AdminAuditService {
  constructor(private readonly events: AuditEventsRepository) {}

  search(query: AuditQueryDto): Promise<Page<AuditEvent>> {
    return this.events.search({
      type: query.type,
      user: query.user,
      client: query.client,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      limit: query.limit,
      offset: query.offset,
    });
  }
}

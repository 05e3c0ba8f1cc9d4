import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import type { Page } from '../common/pagination/pagination.dto';
import type { AuditQuery } from './dto/admin-audit.dto';

/** Reads the audit log, newest first; the log itself is append-only and has no write route. */
@Injectable()
export class AdminAuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  async search(query: AuditQuery): Promise<Page<AuditEvent>> {
    const builder = this.events.createQueryBuilder('event');
    if (query.type) builder.andWhere('event.type = :type', { type: query.type });
    if (query.user) builder.andWhere('(event.actor_user_id = :user OR event.subject = :user)', { user: query.user });
    if (query.client) builder.andWhere('event.client_id = :client', { client: query.client });
    if (query.from) builder.andWhere('event.created_at >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('event.created_at < :to', { to: new Date(query.to) });
    const [items, total] = await builder
      .orderBy('event.created_at', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Page } from '../common/pagination/pagination.dto';
import { AuditEvent } from './audit-event.entity';

export interface AuditEventFilter {
  type?: string;
  /** Events by or about this user id. */
  user?: string;
  client?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** The audit log table: appended to in batches, read newest first; never updated or deleted. */
@Injectable()
export class AuditEventsRepository {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** One multi-row INSERT, with no read-before-write (save) and no reload of the rows (updateEntity(false)). */
  async append(rows: AuditEvent[]): Promise<void> {
    // The cast: TypeORM's partial type cannot express a simple-json column.
    const values = rows as QueryDeepPartialEntity<AuditEvent>[];
    await this.events.createQueryBuilder().insert().values(values).updateEntity(false).execute();
  }

  async search(filter: AuditEventFilter): Promise<Page<AuditEvent>> {
    const builder = this.events.createQueryBuilder('event');
    if (filter.type) builder.andWhere('event.type = :type', { type: filter.type });
    if (filter.user) builder.andWhere('(event.actor_user_id = :user OR event.subject = :user)', { user: filter.user });
    if (filter.client) builder.andWhere('event.client_id = :client', { client: filter.client });
    if (filter.from) builder.andWhere('event.created_at >= :from', { from: filter.from });
    if (filter.to) builder.andWhere('event.created_at < :to', { to: filter.to });
    const [items, total] = await builder
      .orderBy('event.created_at', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }
}

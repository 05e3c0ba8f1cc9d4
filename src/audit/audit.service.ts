import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import type { AuditEventType } from './audit-event-type';

export interface AuditRecord {
  type: AuditEventType;
  /** The user who acted. */
  actorUserId?: string;
  /** What was acted on: a user id, a client_id, a scope name, an email. */
  subject?: string;
  /** The public client_id involved. */
  clientId?: string;
  ip?: string;
  /** Non-secret details; keys that name a secret are dropped before anything is written. */
  details?: Record<string, unknown>;
}

// Defence in depth: even if a caller passes one by mistake, these never reach the table.
const SECRET_KEY =
  /^(password|new_password|client_secret|secret|token|access_token|refresh_token|authorization|password_hash|secret_hash|token_hash)$/i;

/** Appends security events to the audit log; it never updates or deletes one. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  async record(event: AuditRecord): Promise<void> {
    const row = new AuditEvent();
    row.type = event.type;
    row.actorUserId = event.actorUserId ?? null;
    row.subject = event.subject?.slice(0, 254) ?? null;
    row.clientId = event.clientId?.slice(0, 64) ?? null;
    row.ip = event.ip?.slice(0, 64) ?? null;
    // Set here, not by the column default: TypeORM's SQLite insert default has whole seconds only,
    // and the log is ordered and filtered by time.
    row.createdAt = new Date();
    // insert(), not save(): an append needs no read-before-write.
    await this.events.insert({ ...row, details: event.details ? withoutSecrets(event.details) : null } as object);
  }
}

/** Drops keys that name a secret; keeps harmless ones such as access_token_ttl. */
export function withoutSecrets(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([key]) => !SECRET_KEY.test(key)));
}

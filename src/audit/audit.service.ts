import { Injectable } from '@nestjs/common';
import { AuditEvent } from './audit-event.entity';
import { AuditEventsRepository } from './audit-events.repository';
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

/** Rows per INSERT statement: 8 columns each stays far below SQLite's 32766 bound parameters. */
const MAX_BATCH = 100;

interface PendingRow {
  row: AuditEvent;
  written: () => void;
  failed: (error: unknown) => void;
}

/**
 * Appends security events to the audit log; it never updates or deletes one. Events recorded in the
 * same turn of the event loop go in one multi-row INSERT (a group commit), and each caller still waits
 * until its own row is written: a token is never answered before its audit record exists.
 */
@Injectable()
export class AuditService {
  private pending: PendingRow[] = [];

  constructor(private readonly events: AuditEventsRepository) {}

  record(event: AuditRecord): Promise<void> {
    const row = new AuditEvent();
    row.type = event.type;
    row.actorUserId = event.actorUserId ?? null;
    row.subject = event.subject?.slice(0, 254) ?? null;
    row.clientId = event.clientId?.slice(0, 64) ?? null;
    row.ip = event.ip?.slice(0, 64) ?? null;
    // The time the event happened, not the time its batch reached the database.
    row.createdAt = new Date();
    row.details = event.details ? withoutSecrets(event.details) : null;
    return new Promise((written, failed) => {
      this.pending.push({ row, written, failed });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0, MAX_BATCH);
    if (this.pending.length > 0) setImmediate(() => void this.flush());
    try {
      await this.events.append(batch.map(({ row }) => row));
      for (const { written } of batch) written();
    } catch (error) {
      for (const { failed } of batch) failed(error);
    }
  }
}

/** Drops keys that name a secret; keeps harmless ones such as access_token_ttl. */
export function withoutSecrets(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([key]) => !SECRET_KEY.test(key)));
}

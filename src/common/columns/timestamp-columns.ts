import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * Millisecond precision on both dialects, so ordering by time is stable (audit log, lists). TypeORM
 * inlines this default on SQLite (whose own default, datetime('now'), drops the milliseconds); on MySQL
 * it sends DEFAULT and the column's CURRENT_TIMESTAMP(3) from the migration applies.
 */
const SQLITE_NOW_WITH_MILLISECONDS = () => "strftime('%Y-%m-%d %H:%M:%f', 'now')";

export const CreatedAtColumn = (): PropertyDecorator =>
  CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: SQLITE_NOW_WITH_MILLISECONDS });

export const UpdatedAtColumn = (): PropertyDecorator =>
  UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: SQLITE_NOW_WITH_MILLISECONDS });

/** A moment the application itself sets (no database default), to the millisecond on both dialects. */
export const DateTimeColumn = (name: string, options: { nullable?: boolean } = {}): PropertyDecorator =>
  Column({ name, type: 'datetime', precision: 3, ...options });

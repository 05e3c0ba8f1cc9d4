import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

// Millisecond precision on both dialects, so ordering by time is stable (audit log, lists).
export const CreatedAtColumn = (): PropertyDecorator =>
  CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 });

export const UpdatedAtColumn = (): PropertyDecorator =>
  UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 });

import { Column } from 'typeorm';

// Row ids are 36-character UUIDs; the migrations, not the entities, declare the foreign keys.
const ROW_ID = { type: 'varchar', length: 36 } as const;

/** The user a row belongs to (users.id). */
export const UserIdColumn = (): PropertyDecorator => Column({ name: 'user_id', ...ROW_ID });

/** The client's row id (clients.id), not its public client_id. */
export const ClientIdColumn = (): PropertyDecorator => Column({ name: 'client_id', ...ROW_ID });

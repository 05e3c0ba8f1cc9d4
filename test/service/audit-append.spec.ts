import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { AuditEventsRepository } from '../../src/audit/audit-events.repository';
import { AuditService } from '../../src/audit/audit.service';
import { openServiceContext, ServiceContext } from './service-context';

/**
 * The audit log's plain multi-row INSERT must store each event exactly as TypeORM's own insert does
 * (datetime with milliseconds, simple-json, nulls), and keep every row of a burst.
 */
describe('audit log append (service tier)', () => {
  let context: ServiceContext;
  let audit: AuditService;
  let dataSource: DataSource;

  beforeAll(async () => {
    context = await openServiceContext();
    audit = context.get(AuditService);
    dataSource = context.get(DataSource);
  });
  afterAll(() => context.close());

  const rawRows = (ids: string[]): Promise<Record<string, unknown>[]> =>
    dataSource.query(`SELECT * FROM audit_events WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`, ids);

  it('stores a row column for column as TypeORM would', async () => {
    const createdAt = new Date('2026-01-02T03:04:05.678Z');
    const event = (id: string, actorUserId: string | null): AuditEvent =>
      Object.assign(new AuditEvent(), {
        id,
        type: 'token.issued',
        actorUserId,
        subject: 'someone',
        clientId: 'client-1',
        ip: '203.0.113.9',
        details: { grant: 'client_credentials', scope: 'a b', refresh: false, n: 3 },
        createdAt,
      });
    const ours = [event('append-ours-1', 'user-1'), event('append-ours-2', null)];
    const theirs = [event('append-orm-1', 'user-1'), event('append-orm-2', null)];
    await context.get(AuditEventsRepository).append(ours);
    // How the repository wrote rows before (the cast: TypeORM's partial type cannot express a simple-json column).
    const values = theirs as QueryDeepPartialEntity<AuditEvent>[];
    await dataSource.createQueryBuilder().insert().into(AuditEvent).values(values).updateEntity(false).execute();

    const [ours1, ours2] = await rawRows(ours.map((row) => row.id));
    const [orm1, orm2] = await rawRows(theirs.map((row) => row.id));
    expect({ ...ours1, id: undefined }).toEqual({ ...orm1, id: undefined });
    expect({ ...ours2, id: undefined }).toEqual({ ...orm2, id: undefined });
    const read = await dataSource.getRepository(AuditEvent).findOneByOrFail({ id: 'append-ours-1' });
    expect(read).toEqual({ ...ours[0] });
  });

  it('keeps every event of a burst larger than one INSERT', async () => {
    const subject = `burst-${Date.now()}`;
    await Promise.all(
      Array.from({ length: 250 }, (_, i) =>
        audit.record({ type: 'token.issued', subject, clientId: 'burst', details: { i } }),
      ),
    );
    const rows = await dataSource.getRepository(AuditEvent).findBy({ subject });
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((row) => row.details?.i)).size).toBe(250);
  });
});

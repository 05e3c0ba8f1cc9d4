import { AuditEvent } from '../../src/audit/audit-event.entity';
import { startTestApp, TestApp } from '../support/test-app';

describe('timestamps', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });
  afterAll(() => server.close());

  it('created_at keeps milliseconds when the database fills it in, on both dialects', async () => {
    const repository = server.dataSource.getRepository(AuditEvent);
    const before = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { id } = await repository.save(repository.create({ type: 'test.timestamp', subject: `event-${i}` }));
      ids.push(id);
    }
    const rows = await repository.findBy(ids.map((id) => ({ id })));
    const times = rows.map((row) => row.createdAt.getTime());
    for (const time of times) expect(Math.abs(time - before)).toBeLessThan(60_000);
    // Whole-second truncation would make (almost) every value a multiple of 1000.
    expect(times.some((time) => time % 1000 !== 0)).toBe(true);
  });
});

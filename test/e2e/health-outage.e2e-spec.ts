import { CuttableProxy } from '../support/cuttable-proxy';
import { eventually } from '../support/eventually';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, describeOnMysql, TestDatabase } from '../support/test-database';

describeOnMysql('health during a database outage (MySQL)', () => {
  let database: TestDatabase;
  let proxy: CuttableProxy;
  let server: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = await CuttableProxy.start({ host: direct.hostname, port: Number(direct.port) || 3306 });
    server = await startTestApp({}, { database: { url: proxy.urlFor(database.url), drop: () => Promise.resolve() } });
  });
  afterAll(async () => {
    await server.close();
    await proxy.cut();
    await database.drop();
  });

  it('answers 503 while the database is unreachable and 200 again once it is back, without a restart', async () => {
    await server.http.get('/health').expect(200);

    await proxy.cut();
    const down = await server.http.get('/health');
    expect(down.status).toBe(503);
    expect(down.body.error.database.status).toBe('down');

    await proxy.open();
    const recovered = await eventually(async () => (await server.http.get('/health')).status === 200, 15_000);
    expect(recovered).toBe(true);
  });
});

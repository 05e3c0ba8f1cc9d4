import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

/** The committed OpenAPI document: a change to the public API shows up in review. */
const OPENAPI_FILE = join(__dirname, '..', '..', 'openapi.json');
const UPDATE_COMMAND = 'UPDATE_OPENAPI=1 npx jest test/e2e/swagger-openapi-file.e2e-spec.ts';

describe('openapi.json', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });

  afterAll(() => server.close());

  it(`matches what the server serves (regenerate with: ${UPDATE_COMMAND})`, async () => {
    const served = (await server.http.get('/docs-json').expect(200)).body as unknown;
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(OPENAPI_FILE, `${JSON.stringify(served, null, 2)}\n`);
    const committed = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as unknown;
    expect(served).toEqual(committed);
  });
});

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SwaggerModule } from '@nestjs/swagger';
import { startTestApp, type TestApp } from '../support/test-app';
import { childEnv } from '../support/child-env';

const DIST = join(__dirname, '../../dist');

/**
 * What a server does not need until a request asks for it stays out of its memory (issue #12): the
 * OpenAPI document, and the packages of optional features (mail, Redis, a terminal's log format).
 */
describe('start-up loads only what serving needs', () => {
  describe('the OpenAPI document', () => {
    let server: TestApp;
    let createDocument: jest.SpyInstance;

    beforeAll(async () => {
      createDocument = jest.spyOn(SwaggerModule, 'createDocument');
      server = await startTestApp();
    });

    afterAll(async () => {
      await server.close();
      createDocument.mockRestore();
    });

    it('is built on the first request for it, once', async () => {
      expect(createDocument).not.toHaveBeenCalled();
      await server.http.get('/docs-json').expect(200);
      await server.http.get('/docs/swagger-ui-init.js').expect(200);
      expect(createDocument).toHaveBeenCalledTimes(1);
    });
  });

  it('the built server, without SMTP_URL, REDIS_URL or a terminal, has not loaded nodemailer, ioredis or pino-pretty', async () => {
    if (!existsSync(join(DIST, 'app.factory.js'))) throw new Error('dist/ is missing: run `npm run build` first');
    const dir = mkdtempSync(join(tmpdir(), 'oauth-lazy-'));
    // The app as main.ts builds it, in a process of its own: jest's module registry is not Node's.
    const script = `
      const { createApp } = require(${JSON.stringify(join(DIST, 'app.factory.js'))});
      const { loadConfig } = require(${JSON.stringify(join(DIST, 'config/load-config.js'))});
      createApp(loadConfig(process.env)).then(async (app) => {
        const loaded = Object.keys(require.cache).filter((file) => /node_modules\\/(nodemailer|ioredis|pino-pretty)\\//.test(file));
        await app.close();
        console.log(JSON.stringify(loaded));
      });`;
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
        cwd: dir,
        env: childEnv({
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          ISSUER: 'http://127.0.0.1:3000',
          DATABASE_URL: `sqlite:${join(dir, 'lazy.sqlite')}`,
          ADMIN_EMAIL: 'admin@example.test',
          ADMIN_PASSWORD: 'admin-password-123',
        }),
      });
      expect(JSON.parse(stdout.trim().split('\n').pop() ?? 'null')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

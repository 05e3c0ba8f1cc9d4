import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import TestAgent from 'supertest/lib/agent';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModuleOptions } from '../../src/app.module';
import { createApp } from '../../src/app.factory';
import { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { ManagementServer } from '../../src/metrics/management-server';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_ISSUER = 'https://auth.example.test';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** The management port's base URL (/metrics, /health), on a free port of its own. */
  managementUrl: string;
  /** supertest against the real HTTP server. */
  http: TestAgent;
  dataSource: DataSource;
  database: TestDatabase;
  /** Every log line the app wrote, when started with captureLogs. */
  logs: string[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Share a database with another instance (or a restart); the caller then owns dropping it. */
  database?: TestDatabase;
  captureLogs?: boolean;
  /** Modules mounted beside the app's own (test-only routes, e.g. a form to probe CSRF checks). */
  extraImports?: AppModuleOptions['extraImports'];
  /** Listen on this port (e.g. one the ISSUER names, for browser redirects); a free one by default. */
  port?: number;
}

/** Boots the real application on Fastify, on a database of its own, listening on a free port. */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const logs: string[] = [];
  const config = loadConfig({
    NODE_ENV: 'test',
    ISSUER: TEST_ISSUER,
    LOG_LEVEL: options.captureLogs ? 'debug' : 'silent',
    ADMIN_EMAIL: 'admin@example.test',
    ADMIN_PASSWORD: 'admin-password-123',
    MANAGEMENT_PORT: '0',
    ...env,
    DATABASE_URL: database.url,
  });
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  let app: NestFastifyApplication | undefined;
  let managementUrl: string;
  try {
    app = await createApp(config, { logStream, extraImports: options.extraImports });
    await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
    managementUrl = await app.get(ManagementServer).listen();
  } catch (error) {
    // createApp releases what it built when it fails itself; a failed listen leaves the app to close.
    await app?.close();
    if (!options.database) await database.drop();
    throw error;
  }
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    config,
    url,
    managementUrl,
    http: request(url),
    dataSource: app.get(DataSource),
    database,
    logs,
    async close() {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}

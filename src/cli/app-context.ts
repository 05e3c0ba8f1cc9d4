import { Writable } from 'node:stream';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from '../database/data-source-options';
import { runMigrations } from '../database/run-migrations';
import { createLogger } from '../logging/create-logger';
import { NestPinoLogger } from '../logging/nest-pino-logger';

const PINO_WARN = 40;

/**
 * The same AppModule the server runs, initialised but never listening. Migrations run first, on a data
 * source of their own. Logs are quiet: only warnings reach the operator, as plain lines (one of them
 * may name the file holding the first admin's generated password when the CLI is the very first start).
 */
export async function openAppContext(
  config: AppConfig,
  warn: (line: string) => void,
): Promise<INestApplicationContext> {
  const dataSource = new DataSource(buildDataSourceOptions(config.database));
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new NestPinoLogger(createLogger(config, warningsTo(warn))),
    abortOnError: false,
  });
  return app.init();
}

function warningsTo(warn: (line: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        try {
          const entry = JSON.parse(line) as { level?: number; msg?: string };
          if ((entry.level ?? 0) >= PINO_WARN && entry.msg) warn(entry.msg);
        } catch {
          warn(line);
        }
      }
      done();
    },
  });
}

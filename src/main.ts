import { ConfigModule } from '@nestjs/config';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/load-config';
import { stopGracefullyOnSignals } from './health/graceful-shutdown';
import { listenQuietly } from './logging/listen-quietly';
import { ManagementServer } from './metrics/management-server';

async function bootstrap(): Promise<void> {
  await ConfigModule.forRoot({ envFilePath: '.env', expandVariables: true });
  const config = loadConfig(process.env);
  const app = await createApp(config);
  stopGracefullyOnSignals(app, config.shutdownDrainMs);
  await listenQuietly(app, { port: config.port, host: config.host });
  const management = await app.get(ManagementServer).listen();
  const base = config.issuer;
  console.log(
    `OAuth server listening on ${base}\n  API docs:       ${base}/docs\n  Token endpoint: ${base}/oauth/token\n  Metrics:        ${management}/metrics`,
  );
}

bootstrap().catch((error: unknown) => {
  // A bad configuration is one clear line, not a stack trace.
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

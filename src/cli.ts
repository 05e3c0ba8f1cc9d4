import { runCli } from './cli/run-cli';

/** The same `.env` the server reads (main.ts), loaded only when a command runs. */
async function loadDotEnv(): Promise<void> {
  const { ConfigModule } = await import('@nestjs/config');
  await ConfigModule.forRoot({ envFilePath: '.env', expandVariables: true });
}

/** `npm run cli -- <command>`: operator tasks on the same configuration and database as the server. */
async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: { line: (text) => process.stdout.write(`${text}\n`) },
    err: { line: (text) => process.stderr.write(`${text}\n`) },
    env: process.env,
    loadEnv: loadDotEnv,
  });
}

void main();

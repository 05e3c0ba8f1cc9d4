import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { type CliCommand, type CliOutput, CliUsageError, type CliValues } from './cli-command';
import { CLI_COMMANDS } from './index';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  out: CliOutput;
  err: CliOutput;
  env: Record<string, string | undefined>;
  /** Fills `env` from a `.env` file before the configuration is read. */
  loadEnv?: () => Promise<void>;
}

/** Runs one command line; returns the exit code. Bad input never touches the database. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out.line(overview());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = CLI_COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.err.line(`Unknown command "${name}".\n\n${overview()}`);
    return EXIT_USAGE;
  }

  let values: CliValues;
  let positionals: string[];
  try {
    ({ values, positionals } = parse(command, rest));
    if (values.help === true) {
      io.out.line(help(command));
      return EXIT_OK;
    }
    const problem = command.validate?.(values, positionals);
    if (problem) throw new CliUsageError(problem);
  } catch (error) {
    io.err.line(`Error: ${error instanceof Error ? error.message : String(error)}\n\n${help(command)}`);
    return EXIT_USAGE;
  }

  // Loaded only now, so --help and bad input answer at once without the application's module graph.
  const [{ openAppContext }, { loadConfig }] = await Promise.all([
    import('./app-context'),
    import('../config/load-config'),
  ]);
  let app: INestApplicationContext | undefined;
  try {
    await io.loadEnv?.();
    app = await openAppContext(loadConfig(io.env), (line) => io.err.line(line));
    await command.run(app, values, positionals, io.out);
    return EXIT_OK;
  } catch (error) {
    io.err.line(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  } finally {
    await app?.close();
  }
}

function parse(command: CliCommand, args: string[]): { values: CliValues; positionals: string[] } {
  const { values, positionals } = parseArgs({
    args,
    options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help !== true && positionals.length !== command.positionals) {
    throw new CliUsageError(
      command.positionals === 0
        ? `unexpected argument "${positionals[0]}"`
        : `expected ${command.positionals} argument(s), got ${positionals.length}`,
    );
  }
  return { values, positionals };
}

function help(command: CliCommand): string {
  return `Usage: npm run cli -- ${command.name} ${command.usage}`.trimEnd() + `\n\n${command.summary}`;
}

function overview(): string {
  const width = Math.max(...CLI_COMMANDS.map((command) => command.name.length));
  const lines = CLI_COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: npm run cli -- <command> [options]   (each command takes --help)\n\nCommands:\n${lines.join('\n')}`;
}

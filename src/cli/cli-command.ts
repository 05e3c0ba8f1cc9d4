import type { INestApplicationContext } from '@nestjs/common';
import type { ParseArgsConfig } from 'node:util';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;
export type CliValues = Record<string, string | boolean | undefined>;

/** One `npm run cli -- <name>` command. */
export interface CliCommand {
  name: string;
  summary: string;
  /** e.g. `<email> [--admin] [--name <name>]` */
  usage: string;
  options: CliOptions;
  /** How many positional arguments it takes. */
  positionals: number;
  /** Checks the arguments before any database work; returns an error message or undefined. */
  validate?(values: CliValues, positionals: string[]): string | undefined;
  run(app: INestApplicationContext, values: CliValues, positionals: string[], out: CliOutput): Promise<void>;
}

export interface CliOutput {
  line(text: string): void;
}

/** A problem with what the operator typed: printed with the usage, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export function splitList(value: string | boolean | undefined): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

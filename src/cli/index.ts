import type { CliCommand } from './cli-command';
import { clientsCreate, clientsList } from './clients.commands';
import { keysRotate } from './keys.commands';
import { usersCreate, usersSetPassword } from './users.commands';

/** Every CLI command; `npm run cli -- --help` lists them in this order. */
export const CLI_COMMANDS: CliCommand[] = [usersCreate, usersSetPassword, clientsCreate, clientsList, keysRotate];

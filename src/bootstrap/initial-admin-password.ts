import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ensurePrivateDirectory, ensurePrivateFile } from '../common/files/private-files';

export const INITIAL_ADMIN_PASSWORD_FILE = 'initial-admin-password';

/**
 * Hands the generated first-admin password over without a log line carrying it: a 0600 file in the
 * data directory (0700). Returns its absolute path, which the log may name.
 */
export async function writeInitialAdminPassword(dataDirectory: string, password: string): Promise<string> {
  const file = resolve(join(dataDirectory, INITIAL_ADMIN_PASSWORD_FILE));
  ensurePrivateDirectory(dataDirectory);
  // 0600 before the secret goes in, also when an old file is being replaced.
  ensurePrivateFile(file);
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return file;
}

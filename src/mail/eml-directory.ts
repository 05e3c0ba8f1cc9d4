import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Writes RFC 5322 messages as `.eml` files into a directory only the server's user can read (0700,
 * files 0600): the mails hold single-use links. Returns the file's path.
 */
export async function writeEmlFile(directory: string, message: Buffer): Promise<string> {
  const absolute = resolve(directory);
  await mkdir(absolute, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing directory's mode alone.
  await chmod(absolute, 0o700);
  const path = join(
    absolute,
    `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(6).toString('hex')}.eml`,
  );
  await writeFile(path, message, { mode: 0o600, flag: 'wx' });
  return path;
}

import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

/**
 * The data directory holds the SQLite file (signing keys, hashes, the audit log) and the first admin's
 * generated password: readable by the server's own user only. A directory this creates is 0700 (an
 * existing one, e.g. /tmp, is left as it is); the file is 0600, tightened if an earlier version made it
 * world-readable.
 */
export function ensurePrivateDirectory(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
}

/** Creates `path` empty if absent; either way it ends 0600. */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

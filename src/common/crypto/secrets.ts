import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A 256-bit random value, base64url (43 characters): client secrets and refresh tokens. */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A short URL-safe identifier (128 bits): public client ids. */
export function generateIdentifier(): string {
  return randomBytes(16).toString('base64url');
}

/** Hex SHA-256: how secrets and refresh tokens are stored. High-entropy inputs need no salt or slow hash. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored SHA-256 hex digest in constant time. */
export function secretMatchesHash(presented: string, storedHashHex: string | null | undefined): boolean {
  const presentedDigest = createHash('sha256').update(presented, 'utf8').digest();
  // A missing or malformed hash still costs one comparison, against a digest that cannot match.
  const stored = storedHashHex && /^[0-9a-f]{64}$/.test(storedHashHex) ? Buffer.from(storedHashHex, 'hex') : undefined;
  const equal = timingSafeEqual(presentedDigest, stored ?? Buffer.alloc(32));
  return stored !== undefined && equal;
}

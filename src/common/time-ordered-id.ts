import { randomBytes } from 'node:crypto';

const HEX_UUID_V7 = /^([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A UUID version 7 (RFC 9562 §5.7): 48 bits of Unix time in milliseconds, then 74 random bits. Used as
 * the `jti` of access tokens, so a token's issue time is known to the millisecond (its `iat` has
 * seconds only), which a cut-off made in the same second as a sign-in needs.
 */
export function timeOrderedId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The millisecond timestamp of a `timeOrderedId`, or undefined for any other string. */
export function timeOfOrderedId(id: string): number | undefined {
  const match = HEX_UUID_V7.exec(id);
  if (!match) return undefined;
  return parseInt(match[1] + match[2], 16);
}

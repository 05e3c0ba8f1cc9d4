import { randomUUID } from 'node:crypto';

const HEX_UUID_V7 = /^([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A UUID version 7 (RFC 9562 §5.7): 48 bits of Unix time in milliseconds, then 74 random bits. Used as
 * the `jti` of access tokens, so a token's issue time is known to the millisecond (its `iat` has
 * seconds only), which a cut-off made in the same second as a sign-in needs.
 * The random bits are a version 4 UUID's (RFC 9562 §5.4) after its version digit: its variant bits are
 * already version 7's, and randomUUID draws from a buffer Node refills in bulk, where randomBytes(16)
 * asked the CSPRNG once per token.
 */
export function timeOrderedId(now = Date.now()): string {
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}

/** The millisecond timestamp of a `timeOrderedId`, or undefined for any other string. */
export function timeOfOrderedId(id: string): number | undefined {
  const match = HEX_UUID_V7.exec(id);
  if (!match) return undefined;
  return parseInt(match[1] + match[2], 16);
}

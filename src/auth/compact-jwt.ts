/** A JWS compact serialization split into its parts (RFC 7515 §7.1); the signature is not checked here. */
export interface CompactJwt {
  header: Record<string, unknown>;
  /** The raw claims segment: parsed only once the signature is known to be good. */
  payloadSegment: string;
  signingInput: Buffer;
  signature: Buffer;
}

export type JwtClaims = Record<string, unknown>;

/** A claim that made the token unacceptable; `expired` for an `exp` in the past. */
export class JwtClaimError extends Error {
  constructor(
    readonly claim: string,
    readonly expired = false,
  ) {
    super(`${claim} claim rejected`);
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Undefined for anything that is not three base64url segments with a JSON object header (RFC 7515 §5.2). */
export function splitCompactJwt(token: string): CompactJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [headerSegment, payloadSegment, signatureSegment] = parts;
  // Strict alphabet: Buffer's decoder would skip stray characters, making one token many strings.
  if (!headerSegment || !payloadSegment || !parts.every((part) => BASE64URL.test(part))) return undefined;
  const header = jsonObject(headerSegment);
  if (!header) return undefined;
  return {
    header,
    payloadSegment,
    signingInput: Buffer.from(`${headerSegment}.${payloadSegment}`, 'ascii'),
    signature: Buffer.from(signatureSegment, 'base64url'),
  };
}

export function parseClaims(payloadSegment: string): JwtClaims | undefined {
  return jsonObject(payloadSegment);
}

export interface ClaimsRules {
  typ: string;
  issuer: string;
  audience: string;
  requiredClaims: readonly string[];
  clockToleranceSeconds: number;
}

/**
 * RFC 7519 §4.1 and RFC 9068 §4 checks, in the order jose applies them: `typ` (compared as a media
 * type, RFC 7515 §4.1.9), required claims present, `iss`, `aud`, then `iat`/`nbf`/`exp` numeric and
 * `nbf`/`exp` against the clock with a tolerance. Throws JwtClaimError naming the claim.
 */
export function checkClaims(header: Record<string, unknown>, claims: JwtClaims, rules: ClaimsRules): void {
  if (typeof header.typ !== 'string' || mediaType(header.typ) !== mediaType(rules.typ)) throw new JwtClaimError('typ');
  for (const claim of [...rules.requiredClaims, 'iss', 'aud']) {
    if (!Object.hasOwn(claims, claim)) throw new JwtClaimError(claim);
  }
  if (claims.iss !== rules.issuer) throw new JwtClaimError('iss');
  const { aud } = claims;
  if (!(aud === rules.audience || (Array.isArray(aud) && aud.includes(rules.audience)))) throw new JwtClaimError('aud');
  const now = Math.floor(Date.now() / 1000);
  const iat = numericDate(claims, 'iat');
  if (iat === null) throw new JwtClaimError('iat');
  const nbf = numericDate(claims, 'nbf');
  if (nbf === null || (nbf !== undefined && nbf > now + rules.clockToleranceSeconds)) throw new JwtClaimError('nbf');
  const exp = numericDate(claims, 'exp');
  if (exp === null) throw new JwtClaimError('exp');
  if (exp !== undefined && exp <= now - rules.clockToleranceSeconds) throw new JwtClaimError('exp', true);
}

/** Undefined when absent, null when not a number. */
function numericDate(claims: JwtClaims, claim: string): number | undefined | null {
  const value = claims[claim];
  if (value === undefined) return undefined;
  return typeof value === 'number' ? value : null;
}

/** `at+jwt` and `application/at+jwt` name the same type; media types are case-insensitive. */
function mediaType(value: string): string {
  const lower = value.toLowerCase();
  return lower.includes('/') ? lower : `application/${lower}`;
}

function jsonObject(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(strictUtf8.decode(Buffer.from(segment, 'base64url')));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

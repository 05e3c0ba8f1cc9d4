import { BearerTokenError } from '../common/errors/bearer-token.error';

/** What an access token of this server must say (RFC 9068 §4), and the time to check it at. */
export interface ExpectedClaims {
  issuer: string;
  audience: string;
  nowSeconds: number;
  /** Leeway for other instances' clocks on `exp` and `nbf`. */
  clockToleranceSeconds: number;
}

/** RFC 9068 §2.2: every access token carries these (and `iss` and `aud`, checked by value). */
const REQUIRED_CLAIMS = ['iss', 'aud', 'client_id', 'jti', 'sub', 'iat', 'exp'] as const;

/** RFC 9068 §4: `typ` is `at+jwt`, with or without the `application/` prefix (RFC 7515 §4.1.9), in any case. */
function isAccessTokenType(typ: unknown): boolean {
  if (typeof typ !== 'string') return false;
  const type = typ.toLowerCase();
  return type === 'at+jwt' || type === 'application/at+jwt';
}

/**
 * The checks RFC 9068 §4 asks of a resource server once the signature holds: `typ`, the required
 * claims, `iss`, `aud`, and the validity window (RFC 7519 §4.1.4 and §4.1.5). Throws `invalid_token`.
 */
export function checkAccessTokenClaims(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  expected: ExpectedClaims,
): void {
  if (!isAccessTokenType(header.typ)) throw notAcceptable('typ');
  for (const claim of REQUIRED_CLAIMS) if (!Object.hasOwn(claims, claim)) throw notAcceptable(claim);
  if (claims.iss !== expected.issuer) throw notAcceptable('iss');
  const { aud } = claims;
  if (aud !== expected.audience && !(Array.isArray(aud) && aud.includes(expected.audience))) {
    throw notAcceptable('aud');
  }
  if (typeof claims.iat !== 'number') throw notAcceptable('iat');
  const { nbf, exp } = claims;
  const { nowSeconds, clockToleranceSeconds } = expected;
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds + clockToleranceSeconds)) {
    throw new BearerTokenError('invalid_token', 'The access token is not valid yet');
  }
  if (typeof exp !== 'number') throw notAcceptable('exp');
  if (exp <= nowSeconds - clockToleranceSeconds)
    throw new BearerTokenError('invalid_token', 'The access token has expired');
}

function notAcceptable(claim: string): BearerTokenError {
  return new BearerTokenError('invalid_token', `The access token's ${claim} claim is not acceptable`);
}

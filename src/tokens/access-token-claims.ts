/** The claims of a JWT whose signature has already been verified; reading them needs no second check. */
export function verifiedJwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A JWS compact serialization has three dot-separated parts; our refresh tokens have none. */
export function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3;
}

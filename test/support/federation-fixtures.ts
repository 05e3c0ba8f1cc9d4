import { createHash, createHmac, generateKeyPairSync } from 'node:crypto';
import { exportJWK, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { TestApp } from './test-app';

export const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
export const JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
export const KEY_ENCRYPTION_SECRET = 'a-key-encryption-secret-of-32-characters!';

/** A JWT signed with the given private JWK (the provider's own key, or a foreign one). */
export async function signedJwt(privateJwk: JWK & { kid: string }, claims: JWTPayload): Promise<string> {
  const key = await importJWK(privateJwk, 'RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: privateJwk.kid }).sign(key);
}

/** A key the provider never published, with the provider's kid: a forged signature. */
export async function foreignJwk(kid: string): Promise<JWK & { kid: string }> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...(await exportJWK(privateKey)), kid };
}

/** `alg: none`: no signature at all (RFC 7519 §6). */
export function unsignedJwt(claims: JWTPayload): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.`;
}

/** HS256 keyed with the provider's public key: the classic algorithm-confusion forgery (RFC 8725 §2.1). */
export function hmacWithPublicKey(publicKeyPem: string, kid: string, claims: JWTPayload): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'HS256', kid })}.${part(claims)}`;
  return `${input}.${createHmac('sha256', publicKeyPem).update(input).digest('base64url')}`;
}

/** Creates an identity provider through the admin API. */
export async function anIdentityProvider(
  server: TestApp,
  adminToken: string,
  body: Record<string, unknown>,
): Promise<void> {
  const response = await server.http.post('/admin/identity-providers').auth(adminToken, { type: 'bearer' }).send(body);
  if (response.status !== 201) {
    throw new Error(`identity provider not created: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

/** The brute-force failures counted against an address (the database counter store). */
export async function addressFailures(server: TestApp, ip: string): Promise<number> {
  const key = `ip:${createHash('sha256').update(ip).digest('hex')}`;
  const [row] = await server.dataSource.query<{ failures: number }[]>(
    'SELECT failures FROM login_failure_counters WHERE counter_key = ?',
    [key],
  );
  return Number(row?.failures ?? 0);
}

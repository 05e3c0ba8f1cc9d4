import { createHash, generateKeyPair, JsonWebKey, KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

import type { SigningAlgorithm } from '../../common/crypto/signing-algorithms';

const generateKeyPairAsync = promisify(generateKeyPair);

/** A fresh key pair for the algorithm: RSA 2048, P-256, or Ed25519 (RFC 8037). */
export async function generateSigningKeyPair(
  alg: SigningAlgorithm,
): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  switch (alg) {
    case 'RS256':
      return generateKeyPairAsync('rsa', { modulusLength: 2048 });
    case 'ES256':
      return generateKeyPairAsync('ec', { namedCurve: 'P-256' });
    case 'EdDSA':
      return generateKeyPairAsync('ed25519');
  }
}

// RFC 7638 §3.2: only the required members of each key type, in lexicographic order.
const THUMBPRINT_MEMBERS: Record<string, readonly string[]> = {
  RSA: ['e', 'kty', 'n'],
  EC: ['crv', 'kty', 'x', 'y'],
  OKP: ['crv', 'kty', 'x'],
};

/** The RFC 7638 JWK SHA-256 thumbprint of a public key, base64url: our `kid`. */
export function jwkThumbprint(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  const members = THUMBPRINT_MEMBERS[String(jwk.kty)];
  if (!members) throw new Error(`Unsupported key type ${String(jwk.kty)}`);
  const canonical = JSON.stringify(Object.fromEntries(members.map((name) => [name, jwk[name]])));
  return createHash('sha256').update(canonical, 'utf8').digest('base64url');
}

/** The public half as published in the JWKS (RFC 7517 §4). */
export function publicJwk(publicKey: KeyObject, kid: string, alg: string): JsonWebKey {
  return { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
}

import { createHash } from 'node:crypto';
import type { SigningAlgorithm } from '../common/crypto/signing-algorithms';

/**
 * OpenID Connect Core §3.1.3.6 `at_hash`: the base64url left half of the access token's hash, with the
 * hash of the ID token's `alg`. EdDSA over Ed25519 (the only curve our keys use) pairs with SHA-512, as
 * OpenID Connect's relying parties (openid-client, oidc-token-hash) expect.
 */
export function accessTokenHash(accessToken: string, alg: SigningAlgorithm): string {
  const digest = createHash(hashFor(alg)).update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

function hashFor(alg: SigningAlgorithm): string {
  switch (alg) {
    case 'RS256':
    case 'ES256':
      return 'sha256';
    case 'EdDSA':
      return 'sha512';
  }
}

import { KeyObject, sign } from 'node:crypto';
import type { SigningAlgorithm } from './key-material';

/**
 * A JWS compact serialization (RFC 7515 §7.1) signed with Node's crypto and a KeyObject parsed once.
 * One code path for RS256, ES256 (raw r||s signature, RFC 7518 §3.4) and EdDSA (RFC 8037 §3.1).
 */
export function signCompactJws(
  header: { alg: SigningAlgorithm } & Record<string, unknown>,
  payload: Record<string, unknown>,
  privateKey: KeyObject,
): string {
  const signingInput = `${base64url(header)}.${base64url(payload)}`;
  const data = Buffer.from(signingInput, 'ascii');
  const signature = sign(digestFor(header.alg), data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${signature.toString('base64url')}`;
}

function digestFor(alg: SigningAlgorithm): string | null {
  switch (alg) {
    case 'RS256':
    case 'ES256':
      return 'sha256';
    case 'EdDSA':
      return null;
  }
}

function base64url(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

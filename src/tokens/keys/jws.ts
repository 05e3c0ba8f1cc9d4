import { KeyObject, sign, verify } from 'node:crypto';
import type { SigningAlgorithm } from '../../common/crypto/signing-algorithms';

/**
 * A JWS compact serialization (RFC 7515 §7.1) signed with Node's crypto and a KeyObject parsed once.
 * One code path for RS256, ES256 (raw r||s signature, RFC 7518 §3.4) and EdDSA (RFC 8037 §3.1).
 * RSA signing (about 1 ms) runs in libuv's threadpool, so the event loop keeps serving requests
 * meanwhile; ES256 and EdDSA take tens of microseconds, less than the hop to a thread, and run inline.
 */
export function signCompactJws(
  header: { alg: SigningAlgorithm } & Record<string, unknown>,
  payload: Record<string, unknown>,
  privateKey: KeyObject,
): Promise<string> {
  const signingInput = `${base64url(header)}.${base64url(payload)}`;
  const data = Buffer.from(signingInput, 'ascii');
  const key = { key: privateKey, dsaEncoding: 'ieee-p1363' as const };
  const compact = (signature: Buffer): string => `${signingInput}.${signature.toString('base64url')}`;
  if (header.alg !== 'RS256') return Promise.resolve(compact(sign(digestFor(header.alg), data, key)));
  return new Promise((resolve, reject) => {
    sign(digestFor(header.alg), data, key, (error, signature) => (error ? reject(error) : resolve(compact(signature))));
  });
}

/**
 * Checks a JWS signature (RFC 7515 §5.2 step 8) with Node's crypto, synchronously: an RS256 check
 * takes tens of microseconds, less than WebCrypto's promise and threadpool job around it.
 * `signature` is the base64url segment of the token; a non-canonical encoding is refused, so one
 * signature has exactly one spelling.
 */
export function verifyJwsSignature(
  alg: SigningAlgorithm,
  signingInput: string,
  signature: string,
  publicKey: KeyObject,
): boolean {
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length === 0 || bytes.toString('base64url') !== signature) return false;
  try {
    const key = { key: publicKey, dsaEncoding: 'ieee-p1363' as const };
    return verify(digestFor(alg), Buffer.from(signingInput, 'ascii'), key, bytes);
  } catch {
    // A signature of the wrong size for the key, for instance.
    return false;
  }
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

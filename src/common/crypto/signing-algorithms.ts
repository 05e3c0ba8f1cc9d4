/**
 * The JWS algorithms this server signs its tokens with (RFC 7518 §3.3 RS256, §3.4 ES256; RFC 8037
 * EdDSA with Ed25519): what JWT_ALG accepts, what keys are generated for, and the only algorithms the
 * verifier accepts (never `none`, never an HMAC: RFC 8725 §3.1).
 */
export const SIGNING_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;

export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

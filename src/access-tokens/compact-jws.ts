/** A compact JWS (RFC 7515 §7.1) taken apart: its header decoded, nothing verified yet. */
export interface CompactJws {
  header: Record<string, unknown>;
  /** `BASE64URL(header) '.' BASE64URL(payload)`: the bytes the signature covers (RFC 7515 §5.2). */
  signingInput: string;
  payload: string;
  signature: string;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The three parts of a compact JWS, or undefined when it is not one (its header not a JSON object). */
export function splitCompactJws(token: string): CompactJws | undefined {
  const headerEnd = token.indexOf('.');
  const payloadEnd = token.indexOf('.', headerEnd + 1);
  if (headerEnd < 0 || payloadEnd < 0 || token.includes('.', payloadEnd + 1)) return undefined;
  const header = token.slice(0, headerEnd);
  const payload = token.slice(headerEnd + 1, payloadEnd);
  // Only the base64url alphabet: the signing input is then plain ASCII, one byte per character.
  if (!BASE64URL.test(header) || !BASE64URL.test(payload)) return undefined;
  const decoded = decodeJsonObject(header);
  if (!decoded) return undefined;
  return { header: decoded, signingInput: token.slice(0, payloadEnd), payload, signature: token.slice(payloadEnd + 1) };
}

/** A base64url segment holding a JSON object (RFC 7519 §7.2 steps 3 and 10), or undefined. */
export function decodeJsonObject(segment: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

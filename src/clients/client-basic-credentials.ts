import { OAuthError } from '../common/errors/oauth.error';

/** The client id and secret as presented, before any lookup. */
export interface PresentedClientCredentials {
  clientId: string;
  clientSecret: string;
}

const BASIC = /^basic$/i;

/**
 * client_secret_basic (RFC 6749 §2.3.1): the Authorization header's Basic credentials (RFC 7617 §2), whose
 * id and secret are application/x-www-form-urlencoded. The id ends at the first colon; an empty secret is a
 * public client identifying itself (`client_id:`, as Swagger UI sends). Anything else malformed is
 * invalid_client with a Basic challenge (RFC 6749 §5.2). Checking the credentials is the service's job.
 */
export function basicClientCredentials(authorization: string): PresentedClientCredentials {
  const pair = decodeBasicHeader(authorization);
  if (!pair) throw notBasic();
  return { clientId: formDecode(pair.id), clientSecret: formDecode(pair.secret) };
}

/**
 * The one Basic decoder (RFC 7617 §2), shared by client authentication and rate-limit keying: the raw,
 * still form-encoded id and secret, or undefined when the header is not Basic with a non-empty id.
 */
export function decodeBasicHeader(authorization: string): { id: string; secret: string } | undefined {
  const [scheme, encoded, ...rest] = authorization.trim().split(/ +/);
  if (!BASIC.test(scheme) || !encoded || rest.length > 0) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function notBasic(): OAuthError {
  return new OAuthError('invalid_client', 'The Authorization header is not valid Basic client credentials', {
    basicAuthUsed: true,
  });
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw new OAuthError('invalid_client', 'The Basic credentials are not form-urlencoded', { basicAuthUsed: true });
  }
}

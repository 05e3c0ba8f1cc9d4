import { DomainError } from '../common/errors/domain.error';

/** How many URIs of each kind a client may register, and how long each may be. */
export const MAX_REDIRECT_URIS = 10;
export const MAX_REDIRECT_URI_LENGTH = 2000;

const LOOPBACK_IP_HOSTS = new Set(['127.0.0.1', '[::1]']);
const LOOPBACK_HOSTS = new Set([...LOOPBACK_IP_HOSTS, 'localhost']);
/** RFC 8252 §7.1: a private-use scheme is a reverse domain name, so it holds a period (never javascript:, data:). */
const PRIVATE_USE_SCHEME = /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:$/;

/**
 * Checks a list of redirect (or post-logout redirect) URIs as the contract allows them: https; http on
 * a loopback host (RFC 8252 §7.3), or anywhere when the issuer itself is http (development); a
 * private-use scheme (RFC 8252 §7.1). Never a fragment (RFC 6749 §3.1.2), never user credentials.
 */
export function checkRedirectUris(field: string, uris: readonly string[], issuerIsHttp: boolean): void {
  for (const uri of uris) {
    const problem = redirectUriProblem(uri, issuerIsHttp);
    if (problem) throw new DomainError('bad_request', `${field}: "${uri}" ${problem}`);
  }
}

function redirectUriProblem(uri: string, issuerIsHttp: boolean): string | undefined {
  if (uri.includes('#')) return 'must not contain a fragment';
  const url = URL.parse(uri);
  if (!url) return 'is not an absolute URI';
  if (url.username || url.password) return 'must not contain user credentials';
  if (url.protocol === 'https:') return url.hostname ? undefined : 'has no host';
  if (url.protocol === 'http:') {
    if (LOOPBACK_HOSTS.has(url.hostname) || issuerIsHttp) return undefined;
    return 'must use https (http only on 127.0.0.1, [::1] or localhost)';
  }
  if (PRIVATE_USE_SCHEME.test(url.protocol)) return undefined;
  return 'must use https, a loopback http address, or a private-use scheme such as com.example.app:';
}

/**
 * RFC 6749 §3.1.2.3 and RFC 9700 §4.1.3: the redirect URI of a request must equal a registered one,
 * character for character, except that for a loopback IP literal the port may differ (RFC 8252 §7.3:
 * native apps listen on whatever port the system gives them).
 */
export function isRegisteredRedirectUri(requested: string, registered: readonly string[]): boolean {
  if (registered.includes(requested)) return true;
  const requestedLoopback = loopbackIpWithoutPort(requested);
  return requestedLoopback !== undefined && registered.some((uri) => loopbackIpWithoutPort(uri) === requestedLoopback);
}

function loopbackIpWithoutPort(uri: string): string | undefined {
  if (uri.includes('#')) return undefined;
  const url = URL.parse(uri);
  if (!url || url.protocol !== 'http:' || !LOOPBACK_IP_HOSTS.has(url.hostname) || url.username || url.password)
    return undefined;
  return `http://${url.hostname}${url.pathname}${url.search}`;
}

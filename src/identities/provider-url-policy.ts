/**
 * Which URLs an identity provider record may name: `https://` only (keys and tokens fetched over plain
 * HTTP could be swapped in transit), unless this server itself runs on `http://` (development, tests).
 * No credentials in the URL and no fragment; an issuer has no query either (OpenID Discovery 1.0 §3).
 * Returns the reason a URL is refused, or undefined when it is acceptable.
 */
export function providerUrlViolation(
  field: string,
  value: string,
  options: { allowHttp: boolean; isIssuer?: boolean },
): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${field} must be an absolute URL`;
  }
  const schemes = options.allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) {
    return options.allowHttp ? `${field} must be an http(s) URL` : `${field} must be an https:// URL`;
  }
  if (url.username || url.password) return `${field} must not contain credentials`;
  if (value.includes('#')) return `${field} must not contain a fragment`;
  if (options.isIssuer && url.search) return `${field} must not contain a query`;
  return undefined;
}

/**
 * Headers of every server-rendered page: nothing inline may run, nothing may frame it, nothing may
 * cache it (pages carry CSRF tokens and personal data).
 *
 * `formTargets` lists where the page's forms may lead besides this server: Chromium applies
 * `form-action` to the redirects that follow a form submission (CSP Level 3 §6.4.2), so the consent
 * and sign-in forms must also allow the client's redirect URI.
 */
export function pageSecurityHeaders(formTargets: readonly string[] = []): Record<string, string> {
  const formAction = ["'self'", ...formTargets].join(' ');
  return {
    'content-security-policy': [
      "default-src 'none'",
      "style-src 'self'",
      "img-src 'self'",
      `form-action ${formAction}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
    pragma: 'no-cache',
    'referrer-policy': 'no-referrer',
  };
}

/**
 * The CSP source that lets a form lead to `uri`: its origin for http(s), its scheme for a private-use
 * scheme (RFC 8252 §7.1).
 */
export function formTargetFor(uri: string): string {
  const url = new URL(uri);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol;
}

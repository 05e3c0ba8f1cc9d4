/**
 * Routes a person reaches in a browser: their errors are HTML pages, never JSON, and their responses
 * carry the page security headers.
 */
const BROWSER_ROUTE_PREFIXES = ['/oauth/authorize', '/oauth/logout', '/interaction/', '/account/'] as const;

export function isBrowserRoute(url: string): boolean {
  const path = url.split('?', 1)[0];
  return BROWSER_ROUTE_PREFIXES.some(
    (prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
  );
}

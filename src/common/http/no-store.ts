/** RFC 6749 §5.1: responses carrying tokens, credentials or their errors must not be cached. */
export const NO_STORE_HEADERS = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

export function isOAuthEndpoint(url: string): boolean {
  return url.startsWith('/oauth/');
}

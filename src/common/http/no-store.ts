import { applyDecorators, Header } from '@nestjs/common';

/** RFC 6749 §5.1: responses carrying tokens, credentials or their errors must not be cached. */
export const NO_STORE_HEADERS = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

/** Marks a route whose response carries a token or a secret. */
export const NoStore = (): MethodDecorator =>
  applyDecorators(
    Header('Cache-Control', NO_STORE_HEADERS['cache-control']),
    Header('Pragma', NO_STORE_HEADERS.pragma),
  );

export function isOAuthEndpoint(url: string): boolean {
  return url.startsWith('/oauth/');
}

import { applyDecorators, Header } from '@nestjs/common';

/** RFC 6749 §5.1: responses carrying tokens, credentials or their errors must not be cached. */
export const NO_STORE_HEADERS = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

/** Marks a route whose response carries a token or a secret. */
export const NoStore = (): MethodDecorator =>
  applyDecorators(
    Header('Cache-Control', NO_STORE_HEADERS['cache-control']),
    Header('Pragma', NO_STORE_HEADERS.pragma),
  );

/** Whether a route template (see routeTemplateOf) is one of the OAuth endpoints. */
export function isOAuthEndpoint(routeTemplate: string | undefined): boolean {
  return routeTemplate?.startsWith('/oauth/') ?? false;
}

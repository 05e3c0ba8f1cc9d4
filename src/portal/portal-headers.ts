/**
 * The portal's page policy: every script and style comes from a file of this origin, nothing inline,
 * no framing (clickjacking), no plugins, and API calls only to this server.
 */
export const PORTAL_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Vite names the files under assets/ after their content hash: a changed file is a new URL. */
export const IMMUTABLE_ASSET = 'public, max-age=31536000, immutable';

/** index.html and the settings name the current hashed files: revalidate on every load. */
export const REVALIDATE = 'no-cache';

export function cacheControlFor(filePath: string): string {
  return /[\\/]assets[\\/]/.test(filePath) ? IMMUTABLE_ASSET : REVALIDATE;
}

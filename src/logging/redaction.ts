/** Fields that hold secrets wherever they appear in a log object (pino redact paths, two levels deep). */
export const SECRET_FIELDS = ['password', 'client_secret', 'refresh_token', 'access_token', 'token', 'authorization'];

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-metrics-token"]',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

const SECRET_QUERY = new RegExp(`([?&](?:${SECRET_FIELDS.join('|')})=)[^&#]*`, 'gi');

/** RFC 6750 §2.3 allows a token in the query; it must not reach the logs with the URL. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[REDACTED]');
}

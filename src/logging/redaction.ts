/** Fields that hold secrets wherever they appear in a log object (pino redact paths, two levels deep). */
export const SECRET_FIELDS = ['password', 'client_secret', 'refresh_token', 'access_token', 'token', 'authorization'];

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-metrics-token"]',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

const SECRET_NAMES = new Set(SECRET_FIELDS);

/**
 * RFC 6750 §2.3 allows a token in the query; it must not reach the logs with the URL. Parameter names
 * are compared decoded, as the query parser reads them (`acc%65ss_token` is `access_token`).
 */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const nameEnd = pair.indexOf('=');
      if (nameEnd < 0) return pair;
      const name = pair.slice(0, nameEnd);
      return SECRET_NAMES.has(decodedName(name).toLowerCase()) ? `${name}=[REDACTED]` : pair;
    });
  return `${url.slice(0, queryStart)}?${query.join('&')}`;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

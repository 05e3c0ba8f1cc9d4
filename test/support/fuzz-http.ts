import { Agent, request } from 'node:http';

/** A request exactly as the fuzzer built it: raw bytes, any header value Node lets through. */
export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed JSON body, or undefined when it is not JSON. */
  json: unknown;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** Sends a request over a keep-alive connection, without supertest's encoding or validation. */
export function send(baseUrl: string, raw: RawRequest): Promise<RawResponse> {
  // The path goes out byte for byte: new URL() would resolve `%2e%2e` segments before the server saw them.
  const { hostname, port } = new URL(baseUrl);
  const headers: Record<string, string> = { ...raw.headers };
  if (raw.body !== undefined) headers['content-length'] = String(raw.body.length);
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path: raw.path, method: raw.method, headers, agent }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text, json });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}

/** Closes the idle keep-alive sockets (call in afterAll, so Jest can exit). */
export function closeConnections(): void {
  agent.destroy();
}

// What a body must never show: driver errors, SQL keywords as the drivers print them, stack frames.
const LEAK_MARKERS = [
  /QueryFailedError|EntityNotFound|TypeORMError/,
  /\bER_[A-Z_]+\b|SQLITE_[A-Z]+|sqlMessage|You have an error in your SQL syntax/,
  /\n\s+at [^\n]+[(:]\d+/,
  /node_modules|\/src\/[\w/-]+\.ts/,
];

/** Why the response breaks the contract, or undefined when it keeps it. */
export function contractViolation(
  raw: RawRequest,
  response: RawResponse,
  successStatuses: number[],
): string | undefined {
  const { status } = response;
  if (status >= 500 || status < 200) return `status ${status}`;
  for (const marker of LEAK_MARKERS) if (marker.test(response.text)) return `leak ${String(marker)}`;
  const oauth = raw.path.startsWith('/oauth/');
  if (oauth) {
    // The contract's only statuses here: success, invalid_request & co., invalid_client, and a body over the limit.
    if (![200, 400, 401, 413].includes(status)) return `status ${status} on an OAuth endpoint`;
    if (response.headers['cache-control'] !== 'no-store') return 'no Cache-Control: no-store';
    if (response.headers.pragma !== 'no-cache') return 'no Pragma: no-cache';
  }
  if (status < 400) {
    if (!successStatuses.includes(status)) return `unexpected success status ${status}`;
    return undefined;
  }
  const body = response.json as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return `error body is not a JSON object: ${response.text}`;
  if (oauth) {
    const keys = Object.keys(body).sort().join(',');
    if (keys !== 'error,error_description') return `OAuth error keys ${keys}`;
    if (typeof body.error !== 'string' || !/^[a-z_]+$/.test(body.error)) return 'OAuth error code';
    if (typeof body.error_description !== 'string') return 'OAuth error_description';
    if (status === 401 && body.error !== 'invalid_client') return `401 with ${body.error}`;
    return undefined;
  }
  const keys = Object.keys(body).sort().join(',');
  if (keys !== 'error,message,statusCode') return `error keys ${keys}`;
  if (body.statusCode !== status) return `statusCode ${String(body.statusCode)} on a ${status}`;
  if (typeof body.error !== 'string') return 'error is not a string';
  const { message } = body;
  const messageOk =
    typeof message === 'string' || (Array.isArray(message) && message.every((line) => typeof line === 'string'));
  if (!messageOk) return 'message is not a string or a list of strings';
  return undefined;
}

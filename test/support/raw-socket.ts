import { connect } from 'node:net';

export interface RawSocketResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends one HTTP/1.1 request exactly as written (any request target: percent-encoded, absolute-form)
 * over a fresh TCP connection, and reads the answer until the server closes it.
 */
export function sendRaw(
  baseUrl: string,
  request: { method: string; target: string; headers?: Record<string, string>; body?: string },
): Promise<RawSocketResponse> {
  const { hostname, port } = new URL(baseUrl);
  const body = Buffer.from(request.body ?? '', 'utf8');
  const headers = {
    host: `${hostname}:${port}`,
    connection: 'close',
    'content-length': String(body.length),
    ...request.headers,
  };
  const head = [
    `${request.method} ${request.target} HTTP/1.1`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve(parse(Buffer.concat(chunks).toString('utf8'))));
    // No half-close: the server ends the connection after its answer (Connection: close).
    socket.write(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]));
  });
}

function parse(text: string): RawSocketResponse {
  const [head, ...rest] = text.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

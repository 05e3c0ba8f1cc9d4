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

export interface HeldConnection {
  /** Sends `text` now (ignored once the server has closed the connection). */
  send(text: string): void;
  /** Sends one character of `text` every `everyMs` until it is all sent or the connection closes. */
  drip(text: string, everyMs: number): void;
  /** Resolves with everything the server sent, once it has closed the connection. */
  readonly closed: Promise<string>;
  /** Whether the server has closed it yet. */
  isClosed(): boolean;
  destroy(): void;
}

/** A TCP connection held open by the test, to see how long the server lets a slow or idle client stay. */
export function holdConnection(baseUrl: string): Promise<HeldConnection> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const closedPromise = new Promise<string>((done) =>
      socket.on('close', () => {
        closed = true;
        clearInterval(timer);
        done(Buffer.concat(chunks).toString('latin1'));
      }),
    );
    // A write racing the server's close may fail (EPIPE, ECONNRESET): the close is what the test awaits.
    socket.on('error', () => undefined);
    socket.once('connect', () =>
      resolve({
        send: (text) => {
          if (!closed) socket.write(text, 'latin1');
        },
        drip: (text, everyMs) => {
          let next = 0;
          timer = setInterval(() => {
            if (closed || next >= text.length) return clearInterval(timer);
            socket.write(text[next++], 'latin1');
          }, everyMs);
        },
        closed: closedPromise,
        isClosed: () => closed,
        destroy: () => {
          clearInterval(timer);
          socket.destroy();
        },
      }),
    );
    socket.once('error', reject);
  });
}

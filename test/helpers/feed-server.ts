import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LoggedRequest {
  /** Path with query string, as the client sent it. */
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
}

export interface FeedServer {
  /** Base address, e.g. http://127.0.0.1:41234 */
  origin: string;
  port: number;
  url(path: string): string;
  /** Serve `path` (exact match on path + query, else on the path alone). */
  route(path: string, handler: Handler): void;
  /** Every request received, in order. */
  requests: LoggedRequest[];
  /** Requests whose path (query included) equals `path`. */
  requestsTo(path: string): LoggedRequest[];
  /** Stops listening and destroys open sockets, so a dripping response never hangs a test. */
  close(): Promise<void>;
}

export interface BodyOptions {
  status?: number;
  headers?: Record<string, string>;
}

export interface FeedServerOptions {
  /** Every answer waits this long first: a distant host (benchmarks of real-network speed). */
  delayMs?: number;
}

/** A loopback HTTP server for tests: 127.0.0.1, port 0, nothing else. */
export async function startFeedServer(options: FeedServerOptions = {}): Promise<FeedServer> {
  const routes = new Map<string, Handler>();
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, method: req.method ?? 'GET', headers: req.headers });
    const handler = routes.get(path) ?? routes.get(path.split('?')[0] ?? path);
    const answer = () => {
      if (res.destroyed) return;
      if (handler) handler(req, res);
      else serveBody('not found', { status: 404 })(req, res);
    };
    if (options.delayMs) setTimeout(answer, options.delayMs);
    else answer();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('feed server has no port');
  const origin = `http://127.0.0.1:${address.port}`;

  return {
    origin,
    port: address.port,
    url: (path) => origin + (path.startsWith('/') ? path : `/${path}`),
    route: (path, handler) => void routes.set(path, handler),
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function serveBody(body: string | Buffer, options: BodyOptions = {}): Handler {
  return (_req, res) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(options.status ?? 200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(bytes.length),
      ...options.headers,
    });
    res.end(bytes);
  };
}

/** The body gzip-compressed, with Content-Encoding: gzip. */
export function serveGzip(body: string | Buffer, options: BodyOptions = {}): Handler {
  return serveBody(gzipSync(body), {
    ...options,
    headers: { ...options.headers, 'content-encoding': 'gzip' },
  });
}

/** A slow server: sends one byte every `intervalMs` for as long as the client listens. */
export function dripBytes(intervalMs: number, options: BodyOptions = {}): Handler {
  return (req, res) => {
    res.writeHead(options.status ?? 200, {
      'content-type': 'application/rss+xml',
      ...options.headers,
    });
    res.write('<');
    const timer = setInterval(() => res.write(' '), intervalMs);
    const stop = () => clearInterval(timer);
    req.socket.on('close', stop);
    res.on('close', stop);
  };
}

export function redirectTo(location: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { location, 'content-length': '0' });
    res.end();
  };
}

/**
 * A large body generated on the fly (never held in memory), written with
 * back-pressure; stops when the client goes away. `declareLength` sends Content-Length.
 */
export function streamBytes(
  totalBytes: number,
  options: BodyOptions & { declareLength?: boolean } = {},
): Handler {
  return (_req, res) => {
    const headers: Record<string, string> = {
      'content-type': 'application/rss+xml',
      ...options.headers,
    };
    if (options.declareLength) headers['content-length'] = String(totalBytes);
    res.writeHead(options.status ?? 200, headers);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes && !res.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
        sent += piece.length;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  };
}

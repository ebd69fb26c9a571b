import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { resolveAssetPath } from '../../electron/core/assets/asset-path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

export const ASSET_PREFIX = '/assets-cache/';

export interface AppServer {
  url: string;
  /** Paths of every cached image the page asked for. */
  assetRequests: string[];
  close(): Promise<void>;
}

/**
 * Plays the part of the app's two protocols on loopback: the built renderer,
 * and cached email images under /assets-cache/ resolved exactly as the asset
 * protocol resolves them (resolveAssetPath), so nothing outside assets/ is served.
 */
export async function startAppServer(rendererDir: string, assetsDir: string): Promise<AppServer> {
  const assetRequests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    let file: string | undefined;
    if (path.startsWith(ASSET_PREFIX)) {
      assetRequests.push(path);
      file = resolveAssetPath(assetsDir, path.slice(ASSET_PREFIX.length));
    } else {
      const candidate = normalize(
        join(rendererDir, path === '/' ? 'index.html' : decodeURIComponent(path)),
      );
      file = candidate.startsWith(rendererDir + sep) ? candidate : undefined;
    }
    if (!file) return void res.writeHead(404).end();
    readFile(file).then(
      (bytes) => {
        res.writeHead(200, {
          'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        });
        res.end(bytes);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('app server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    assetRequests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

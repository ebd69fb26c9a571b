import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { protocol } from 'electron';
import { resolveAssetPath } from '../core/assets/asset-path';
import { APP_HOST, APP_SCHEME, ASSET_HOST, ASSET_SCHEME } from './app-url';
import { CONTENT_SECURITY_POLICY } from './security';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Must run before the app is ready: standard + secure gives our pages a real origin and HTTPS-like rules. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, codeCache: true } },
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

function headersFor(file: string): Record<string, string> {
  return {
    'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}

function refuse(status: 404 | 405): Response {
  return new Response(null, {
    status,
    headers: {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  });
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

async function serveFile(file: string): Promise<Response> {
  try {
    if (!(await stat(file)).isFile()) return refuse(404);
    return new Response(new Uint8Array(await readFile(file)), { headers: headersFor(file) });
  } catch {
    return refuse(404);
  }
}

/** The URL's path without its leading slash, still percent-encoded; undefined for another host. */
function requestedPath(request: Request, host: string): string | undefined {
  const url = new URL(request.url);
  return url.host === host ? url.pathname.replace(/^\/+/, '') : undefined;
}

function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/** Serves the built renderer (out/renderer) and nothing outside it. */
export function createAppFileHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET') return refuse(405);
    const raw = requestedPath(request, APP_HOST);
    const path = raw === undefined ? undefined : decodePath(raw);
    if (path === undefined || path.includes('\0')) return refuse(404);
    const file = resolve(root, path === '' ? 'index.html' : path);
    if (!isInside(root, file)) return refuse(404);
    return serveFile(file);
  };
}

/** Serves cached email images; the core's resolveAssetPath decides what may be read. */
export function createAssetHandler(assetsDir: string): (request: Request) => Promise<Response> {
  const root = resolve(assetsDir);
  return async (request) => {
    if (request.method !== 'GET') return refuse(405);
    const path = requestedPath(request, ASSET_HOST);
    if (path === undefined) return refuse(404);
    // resolveAssetPath decodes (once) and refuses dots, separators and symlinks out.
    const file = resolveAssetPath(root, path);
    // Checked again here: a bug in one check must not open the disk to a page.
    if (file === undefined || !isInside(root, resolve(file))) return refuse(404);
    return serveFile(file);
  };
}

/** Call once the app is ready. */
export function handleProtocols(rendererDir: string, assetsDir: string): void {
  protocol.handle(APP_SCHEME, createAppFileHandler(rendererDir));
  protocol.handle(ASSET_SCHEME, createAssetHandler(assetsDir));
}

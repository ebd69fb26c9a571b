import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Maps a path requested through the asset protocol (relative, possibly
 * URL-encoded, e.g. "ab/ab12….png") to a file inside assetsDir, or undefined.
 * A page must never read anything else on the disk: "..", encoded dots,
 * absolute and drive paths, backslashes, NUL and symlinks leading out are all
 * refused. The returned path is under `resolve(assetsDir)` (not the real path),
 * so a caller's own containment check agrees even when assetsDir sits behind a symlink.
 */
export function resolveAssetPath(assetsDir: string, requested: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requested);
  } catch {
    return undefined;
  }
  if (!isSafeRelativePath(decoded)) return undefined;
  const root = resolve(assetsDir);
  const candidate = join(root, ...decoded.split('/'));
  if (!isInside(root, candidate)) return undefined;
  try {
    const real = realpathSync(candidate);
    if (!isInside(realpathSync(root), real) || !statSync(real).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return candidate;
}

function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.length > 1024) return false;
  // Backslash and ":" would be separators or drive letters (and streams) on Windows.
  if (/[\\:\u0000-\u001f\u007f]/.test(path)) return false;
  if (path.startsWith('/')) return false;
  // Dot segments and hidden files (our own temp files start with ".") are never assets.
  return path.split('/').every((segment) => segment !== '' && !segment.startsWith('.'));
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

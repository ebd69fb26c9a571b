/** The renderer is served from studyline://app/… (never file://, which would open the whole disk to it). */
export const APP_SCHEME = 'studyline';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Cached email images: studyline-asset://cache/<file>. */
export const ASSET_SCHEME = 'studyline-asset';
export const ASSET_HOST = 'cache';

/** How the core writes a cached image's address into email HTML. */
export function assetUrl(file: string): string {
  const path = file.split(/[\\/]/).map(encodeURIComponent).join('/');
  return `${ASSET_SCHEME}://${ASSET_HOST}/${path}`;
}

/**
 * Whether a URL is one of our own pages. Node's URL gives custom schemes the
 * origin "null", so scheme and host are compared instead. In development the
 * Vite dev server (loopback only) is ours too.
 */
export function createAppUrlCheck(devServerUrl?: string): (url: string) => boolean {
  const devOrigin = devServerUrl ? loopbackOrigin(devServerUrl) : undefined;
  return (value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
    return devOrigin !== undefined && url.origin === devOrigin;
  };
}

/** The dev server's origin, accepted only on loopback so a stray env variable cannot trust a remote site. */
export function loopbackOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'http:' && loopback ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

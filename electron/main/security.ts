import { app, session, shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { StudylineError } from '../core/errors';

/** Sent as a response header on everything the app serves (renderer files and cached images). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' studyline-asset:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The one allowlist for handing a URL to the operating system. Only web pages:
 * file:, smb: or custom schemes could run programs or leak credentials (NTLM).
 * Embedded credentials are refused because they are a classic phishing trick.
 */
export function isSafeExternalUrl(value: string): boolean {
  if (typeof value !== 'string' || value.length > 4096) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.hostname !== '' && url.username === '' && url.password === '';
}

/** Opens a web page in the learner's browser; anything else is refused with a sentence. */
export async function openExternalSafely(value: string): Promise<void> {
  if (!isSafeExternalUrl(value)) {
    throw new StudylineError(
      'bad-url',
      'Studyline only opens web addresses (http or https) in your browser.',
      {
        hint: 'This link points somewhere else, so it was not opened.',
      },
    );
  }
  await shell.openExternal(new URL(value).toString());
}

/** Opens the URL outside when it is a web page; never throws (used from event handlers). */
function openOutside(url: string): void {
  if (!isSafeExternalUrl(url)) return;
  openExternalSafely(url).catch((error: unknown) =>
    console.error('[studyline] could not open link', error),
  );
}

/**
 * Every web contents (our window and anything else that appears) may only show
 * our own pages: no navigation elsewhere, no new windows, no <webview>. A web
 * link the learner clicks goes to their browser instead.
 */
export function guardWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The renderer needs no camera, notifications API, clipboard reads or anything else. */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

/**
 * Cancels any web request from the renderer's session. Feeds are fetched by the
 * core in the main process (Node's fetch), never by pages, so a page asking for
 * the network is either a bug or an injected script. The dev server is exempt.
 */
export function blockPageNetwork(target: Session, devServerOrigin?: string): void {
  const filter = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };
  // Vite's hot reload talks to the dev server over a WebSocket on the same host and port.
  const allowed = devServerOrigin
    ? [`${devServerOrigin}/`, `${devServerOrigin.replace(/^http/, 'ws')}/`]
    : [];
  target.webRequest.onBeforeRequest(filter, (details, callback) => {
    callback({ cancel: !allowed.some((prefix) => details.url.startsWith(prefix)) });
  });
}

/** Installs the process-wide guards; call once the app is ready. */
export function installSecurity(
  isAppUrl: (url: string) => boolean,
  devServerOrigin?: string,
): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, isAppUrl));
  denyAllPermissions(session.defaultSession);
  blockPageNetwork(session.defaultSession, devServerOrigin);
}

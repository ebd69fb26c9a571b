import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, electron, fireEvent, resetFakeElectron } from './fake-electron';
import { createAppUrlCheck } from '../../electron/main/app-url';
import {
  CONTENT_SECURITY_POLICY,
  blockPageNetwork,
  guardWebContents,
  installSecurity,
  isSafeExternalUrl,
  openExternalSafely,
} from '../../electron/main/security';
import type { Session, WebContents } from 'electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const isAppUrl = createAppUrlCheck();

beforeEach(() => resetFakeElectron());

describe('isSafeExternalUrl', () => {
  it.each([
    'https://mechanicalmooc.wordpress.com/category/seq21oct13/',
    'http://example.org/',
    'HTTPS://EXAMPLE.ORG/a?b=c#d',
  ])('lets web pages out: %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'studyline://app/index.html',
    'vscode://file/etc',
    'mailto:someone@example.org',
    'https://user:secret@example.org/',
    'not a url',
    '',
    `https://example.org/${'a'.repeat(5000)}`,
  ])('keeps everything else in: %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('openExternalSafely', () => {
  it('hands web pages to the browser', async () => {
    await openExternalSafely('https://example.org/page');
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.org/page');
  });

  it('refuses other schemes with a sentence, without opening anything', async () => {
    await expect(openExternalSafely('file:///etc/passwd')).rejects.toThrow(
      'Studyline only opens web addresses (http or https) in your browser.',
    );
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('guardWebContents', () => {
  function guarded() {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as WebContents, isAppUrl);
    return contents;
  }

  it('denies every new window and sends web links to the browser', () => {
    const contents = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.org/');
  });

  it('blocks navigation away from our pages', () => {
    const contents = guarded();
    expect(fireEvent(contents, 'will-navigate', 'https://evil.example/').defaultPrevented).toBe(
      true,
    );
    expect(fireEvent(contents, 'will-navigate', 'file:///etc/passwd').defaultPrevented).toBe(true);
    expect(fireEvent(contents, 'will-navigate', 'studyline://elsewhere/x').defaultPrevented).toBe(
      true,
    );
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://evil.example/');
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('lets our own page reload itself', () => {
    const contents = guarded();
    const event = fireEvent(contents, 'will-navigate', 'studyline://app/index.html');
    expect(event.defaultPrevented).toBe(false);
  });

  it('blocks redirects and webviews', () => {
    const contents = guarded();
    expect(fireEvent(contents, 'will-redirect', 'https://evil.example/').defaultPrevented).toBe(
      true,
    );
    expect(fireEvent(contents, 'will-attach-webview', {}, {}).defaultPrevented).toBe(true);
  });
});

describe('installSecurity', () => {
  it('guards every web contents created afterwards', () => {
    installSecurity(isAppUrl);
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
      action: 'deny',
    });
    expect(fireEvent(contents, 'will-navigate', 'https://example.org/').defaultPrevented).toBe(
      true,
    );
  });

  it('denies every permission request and check', () => {
    installSecurity(isAppUrl);
    const session = electron.session.defaultSession;
    const requestHandler = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      ...args: unknown[]
    ) => void;
    const checkHandler = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      ...args: unknown[]
    ) => boolean;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(checkHandler({}, permission)).toBe(false);
    }
  });
});

describe('blockPageNetwork', () => {
  function decide(url: string, devOrigin?: string) {
    blockPageNetwork(electron.session.defaultSession as unknown as Session, devOrigin);
    const calls = electron.session.defaultSession.webRequest.onBeforeRequest.mock.calls;
    const listener = calls[calls.length - 1]?.[1] as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void,
    ) => void;
    let cancel: boolean | undefined;
    listener({ url }, (response) => (cancel = response.cancel));
    return cancel;
  }

  it('cancels requests a page makes to the web', () => {
    expect(decide('https://tracker.example/pixel.gif')).toBe(true);
  });

  it('lets the loopback dev server through in development only', () => {
    expect(decide('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(false);
    expect(decide('ws://localhost:5173/?token=x', 'http://localhost:5173')).toBe(false);
    expect(decide('https://example.org/', 'http://localhost:5173')).toBe(true);
    expect(decide('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(decide('http://localhost:5173.evil.example/x', 'http://localhost:5173')).toBe(true);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows only our own scripts, styles and fonts, and our cached images', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' studyline-asset:");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });
});

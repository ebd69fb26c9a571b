import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, protocolHandlers, resetFakeElectron } from './fake-electron';
import {
  createAppFileHandler,
  createAssetHandler,
  handleProtocols,
  registerSchemes,
} from '../../electron/main/asset-protocol';
import { assetUrl } from '../../electron/main/app-url';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const root = mkdtempSync(join(tmpdir(), 'studyline-protocol-'));
const rendererDir = join(root, 'out', 'renderer');
const assetsDir = join(root, 'data', 'assets');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
mkdirSync(join(assetsDir, 'ab'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Studyline</title>');
writeFileSync(join(rendererDir, 'assets', 'index-1234.js'), 'console.log(1)');
writeFileSync(join(root, 'out', 'secret.txt'), 'not for pages');
writeFileSync(join(root, 'data', 'progress.json'), '{"private":true}');
writeFileSync(join(assetsDir, 'ab', 'ab12.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
symlinkSync(join(root, 'data', 'progress.json'), join(assetsDir, 'ab', 'link.png'));

afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => resetFakeElectron());

const app = createAppFileHandler(rendererDir);
const assets = createAssetHandler(assetsDir);
const get = (handler: (r: Request) => Promise<Response>, url: string) => handler(new Request(url));

describe('studyline://app (the renderer)', () => {
  it('serves the page with the Content-Security-Policy header', async () => {
    const response = await get(app, 'studyline://app/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Studyline</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts with their type and the policy, and / as index.html', async () => {
    const script = await get(app, 'studyline://app/assets/index-1234.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await (await get(app, 'studyline://app/')).text()).toContain('Studyline');
  });

  it.each([
    'studyline://app/%2e%2e/secret.txt',
    'studyline://app/..%2fsecret.txt',
    'studyline://app/assets/..%2f..%2fsecret.txt',
    'studyline://app/%2fetc%2fpasswd',
    'studyline://app/missing.js',
    'studyline://app/assets',
    'studyline://other/index.html',
    'studyline://app/%E0%A4%A',
  ])('refuses %s with 404 and still sends the policy', async (url) => {
    const response = await get(app, url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses anything but GET', async () => {
    const response = await app(
      new Request('studyline://app/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });
});

describe('studyline-asset://cache (cached email images)', () => {
  it('serves a cached image with its type and the policy', async () => {
    const response = await get(assets, assetUrl('ab/ab12.png'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    );
  });

  it.each([
    'studyline-asset://cache/%2e%2e/progress.json',
    'studyline-asset://cache/..%2fprogress.json',
    'studyline-asset://cache/%252e%252e%252fprogress.json',
    'studyline-asset://cache/ab%5c..%5c..%5cprogress.json',
    'studyline-asset://cache/%2Fetc%2Fpasswd',
    'studyline-asset://cache/ab/link.png',
    'studyline-asset://cache/ab/missing.png',
    'studyline-asset://cache/ab',
    'studyline-asset://elsewhere/ab/ab12.png',
  ])('refuses %s with 404', async (url) => {
    const response = await get(assets, url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('private');
  });
});

describe('registration', () => {
  it('registers both schemes as standard and secure before the app is ready', () => {
    registerSchemes();
    const schemes = electron.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0] as {
      scheme: string;
      privileges: Record<string, boolean>;
    }[];
    expect(schemes.map((s) => s.scheme)).toEqual(['studyline', 'studyline-asset']);
    for (const { privileges } of schemes) {
      expect(privileges).toMatchObject({ standard: true, secure: true });
      expect(privileges.bypassCSP).toBeFalsy();
    }
  });

  it('handles both schemes once ready', async () => {
    handleProtocols(rendererDir, assetsDir);
    expect([...protocolHandlers.keys()]).toEqual(['studyline', 'studyline-asset']);
    const page = await protocolHandlers.get('studyline')!(
      new Request('studyline://app/index.html'),
    );
    expect(page.status).toBe(200);
  });
});

import type * as NodeFs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { applyStartAtLogin } from '../../electron/main/login-item';
import { writeWindowState } from '../../electron/main/window-state';

vi.mock('electron', async () => (await import('./fake-electron')).electron);
// A disk that fails every write (after half the bytes) with this code while it is set.
const disk = vi.hoisted(() => ({ failWith: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof NodeFs>();
  return {
    ...real,
    writeFileSync: (...args: Parameters<typeof real.writeFileSync>) => {
      if (!disk.failWith) return real.writeFileSync(...args);
      real.writeFileSync(args[0], 'half');
      throw Object.assign(new Error(`${disk.failWith}: simulated`), { code: disk.failWith });
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'studyline-replace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  disk.failWith = undefined;
});

describe("main's own small files on a disk that fills up", () => {
  it('keep the older window size whole and leave no temp file', () => {
    const file = join(dir, 'window-state.json');
    writeFileSync(file, '{"width":900}');
    disk.failWith = 'ENOSPC';
    expect(() => writeWindowState(file, { width: 1000, height: 700, maximized: false })).toThrow(
      /ENOSPC/,
    );
    expect(readFileSync(file, 'utf8')).toBe('{"width":900}');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    [
      'EDQUOT',
      'Your disk quota is used up, so the entry that starts Studyline at login could not be saved.',
    ],
    [
      'EROFS',
      'The disk is read-only, so the entry that starts Studyline at login could not be saved.',
    ],
  ])(
    'say in words that the login entry could not be saved (%s), leaving nothing behind',
    (code, message) => {
      const autostartDir = join(dir, `autostart-${code}`);
      disk.failWith = code;
      const target = {
        platform: 'linux' as const,
        isPackaged: true,
        executable: '/opt/s',
        autostartDir,
      };
      expect(() => applyStartAtLogin(true, target)).toThrow(message);
      expect(readdirSync(autostartDir)).toEqual([]);
    },
  );
});

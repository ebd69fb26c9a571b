import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../electron/core/library/data-dir';

describe('defaultDataDir', () => {
  it('matches Electron userData on Linux', () => {
    expect(defaultDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/Studyline');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ada')).toBe(
      '/cfg/Studyline',
    );
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '' }, '/home/ada')).toBe(
      '/home/ada/.config/Studyline',
    );
  });

  it('matches Electron userData on macOS', () => {
    expect(defaultDataDir('darwin', { XDG_CONFIG_HOME: '/ignored' }, '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/Studyline',
    );
  });

  it('matches Electron userData on Windows', () => {
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada'),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming\\Studyline');
    expect(defaultDataDir('win32', {}, 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Studyline',
    );
  });
});

describe('resolveDataDir', () => {
  it('prefers the --data flag, then STUDYLINE_DATA, then the default folder', () => {
    const env = { STUDYLINE_DATA: '/srv/studyline', XDG_CONFIG_HOME: '/cfg' };
    expect(resolveDataDir('/tmp/mine', env)).toBe('/tmp/mine');
    expect(resolveDataDir(undefined, env)).toBe('/srv/studyline');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/cfg' })).toBe(
      defaultDataDir(process.platform, { XDG_CONFIG_HOME: '/cfg' }),
    );
  });

  it('makes a relative folder absolute against the working directory', () => {
    expect(resolveDataDir('data', {})).toBe(path.resolve('data'));
  });
});

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAssetPath } from '../../../electron/core/assets/asset-path';

let base: string;
let assetsDir: string;
const PICTURE = `ab/${'ab'.repeat(32)}.png`;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'studyline-asset-path-'));
  assetsDir = join(base, 'assets');
  await mkdir(join(assetsDir, 'ab'), { recursive: true });
  await mkdir(join(base, 'assets-evil'));
  await writeFile(join(assetsDir, PICTURE), 'png');
  await writeFile(join(assetsDir, 'ab', '.tmp123.tmp'), 'half');
  await writeFile(join(base, 'secret.txt'), 'secret');
  await writeFile(join(base, 'assets-evil', 'x.png'), 'evil');
  await symlink(join(base, 'secret.txt'), join(assetsDir, 'ab', 'leak.png'));
  await symlink(join(base, 'assets-evil'), join(assetsDir, 'out'));
  await symlink(join(assetsDir, PICTURE), join(assetsDir, 'ab', 'alias.png'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAssetPath', () => {
  it('finds a cached picture, plain or URL-encoded', () => {
    const expected = join(assetsDir, PICTURE);
    expect(resolveAssetPath(assetsDir, PICTURE)).toBe(expected);
    expect(resolveAssetPath(assetsDir, PICTURE.replace('/', '%2F'))).toBe(expected);
    expect(resolveAssetPath(assetsDir, PICTURE.replace('.png', '%2epng'))).toBe(expected);
  });

  it('follows a symlink that stays inside the folder', () => {
    expect(resolveAssetPath(assetsDir, 'ab/alias.png')).toBe(join(assetsDir, 'ab', 'alias.png'));
  });

  it.each([
    ['parent folder', '../secret.txt'],
    ['parent after a folder', 'ab/../../secret.txt'],
    ['bare dots', '..'],
    ['encoded dots', '%2e%2e/secret.txt'],
    ['encoded dots and slash', '%2E%2E%2Fsecret.txt'],
    ['encoded slash', '..%2fsecret.txt'],
    ['dot segment', 'ab/./' + PICTURE.slice(3)],
    ['absolute path', '/etc/passwd'],
    ['absolute path into the folder', `${assetsDir}/${PICTURE}`],
    ['encoded absolute path', '%2Fetc%2Fpasswd'],
    ['Windows drive', 'C:\\Windows\\win.ini'],
    ['backslashes', 'ab\\..\\..\\secret.txt'],
    ['encoded backslashes', 'ab%5c..%5c..%5csecret.txt'],
    ['NUL byte', `${PICTURE}%00.txt`],
    ['raw NUL byte', `${PICTURE}\0`],
    ['empty', ''],
    ['double slash', PICTURE.replace('/', '//')],
    ['broken encoding', 'ab/%E0%A4%A'],
    ['a folder', 'ab'],
    ['a missing file', 'ab/missing.png'],
    ['a temp file', 'ab/.tmp123.tmp'],
    ['symlink to a file outside', 'ab/leak.png'],
    ['symlink to a sibling folder', 'out/x.png'],
  ])('refuses %s', (_name, requested) => {
    expect(resolveAssetPath(assetsDir, requested)).toBeUndefined();
  });

  it('refuses a sibling folder whose name starts like the assets folder', () => {
    expect(resolveAssetPath(assetsDir, '../assets-evil/x.png')).toBeUndefined();
  });

  it('never answers with a path outside the folder, whatever is asked', () => {
    const root = resolve(assetsDir);
    const pieces = fc.constantFrom(
      '..',
      '.',
      '%2e',
      '%2E%2E',
      '/',
      '%2f',
      '\\',
      '%5c',
      'ab',
      PICTURE,
      'out',
      'x.png',
      '%00',
      ':',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 8 }), (parts) => {
        const found = resolveAssetPath(assetsDir, parts.join(''));
        if (found === undefined) return;
        const rel = relative(root, found);
        expect(rel.startsWith(`..${sep}`) || rel === '..' || rel === '').toBe(false);
        expect(rel.split(sep)).not.toContain('out');
      }),
      { numRuns: 2000 },
    );
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseVersion, flipFuses, type FuseConfig } from '@electron/fuses';
import type { Configuration } from 'electron-builder';
import { LinuxPackager } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMISED_FUSES, readFuses } from '../../resources/fuses/fuse-check';

const root = join(import.meta.dirname, '..', '..');
let config: Configuration;
let dir: string;

// electron-builder's own reader: the file is parsed and checked against its schema
// exactly as `npm run dist` does, so a misspelled fuse fails here, not on a release day.
beforeAll(async () => {
  const { getConfig, validateConfiguration } =
    (await import('app-builder-lib/out/util/config/config.js')) as {
      getConfig(dir: string, file: string, extra: null): Promise<Configuration>;
      validateConfiguration(c: Configuration, log: { isEnabled: boolean }): Promise<void>;
    };
  config = await getConfig(root, join(root, 'electron-builder.yml'), null);
  await validateConfiguration(config, { isEnabled: false });
  dir = await mkdtemp(join(tmpdir(), 'studyline-fuses-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** What electron-builder will flip for this config (the same translation it runs before signing). */
async function builderFuseConfig(): Promise<FuseConfig> {
  const packager = LinuxPackager.prototype as unknown as {
    generateFuseConfig(fuses: unknown): Promise<FuseConfig>;
  };
  return packager.generateFuseConfig.call(null, config.electronFuses);
}

/**
 * The bytes @electron/fuses looks for in Electron's binary: its sentinel, the wire
 * version, the wire length and one byte per fuse, with Electron's own defaults
 * (run as node on, cookie encryption off, NODE_OPTIONS on, inspect on, asar
 * integrity off, only-asar off, v8 snapshot off, file:// privileges on).
 */
async function electronLikeBinary(): Promise<string> {
  const file = join(dir, `electron-${Math.random().toString(36).slice(2)}`);
  const wire = Buffer.from('10110001', 'ascii');
  const bytes = Buffer.concat([
    Buffer.alloc(4096, 7),
    Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'ascii'),
    Buffer.from([Number(FuseVersion.V1), wire.length]),
    wire,
    Buffer.alloc(4096, 9),
  ]);
  await writeFile(file, bytes);
  return file;
}

function checkScript(binary: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'resources/check-fuses.ts', binary], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('fuses of the packaged app', () => {
  it('electron-builder.yml sets every fuse the README promises, in a valid config', () => {
    expect(config.asar).toBe(true); // asar integrity and only-from-asar need an asar
    expect(config.electronFuses).toEqual(PROMISED_FUSES);
  });

  it('the README promises what the config sets', async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const installers = readme.slice(readme.indexOf('### Installers'));
    for (const phrase of [
      /run-as-node off/,
      /NODE_OPTIONS and debugger arguments ignored/,
      /asar integrity checked/,
      /app loaded only from the asar/,
      /cookies encrypted/,
      /no extra rights for file:\/\//,
    ]) {
      expect(installers).toMatch(phrase);
    }
  });

  it('reads the promised fuses back from a binary flipped the way electron-builder flips it', async () => {
    const binary = await electronLikeBinary();
    const before = await readFuses(binary);
    expect(before.filter((r) => !r.ok).map((r) => r.fuse)).toEqual([
      'runAsNode',
      'enableCookieEncryption',
      'enableNodeOptionsEnvironmentVariable',
      'enableNodeCliInspectArguments',
      'enableEmbeddedAsarIntegrityValidation',
      'onlyLoadAppFromAsar',
      'grantFileProtocolExtraPrivileges',
    ]);
    const refused = checkScript(binary);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/FAIL runAsNode\s+on \(promised off\)/);

    await flipFuses(binary, await builderFuseConfig());
    expect((await readFuses(binary)).every((r) => r.ok)).toBe(true);
    const passed = checkScript(binary);
    expect(passed.stderr).toBe('');
    expect(passed.status).toBe(0);
    expect(passed.stdout.match(/^ {2}ok /gm)).toHaveLength(7);
  });
});

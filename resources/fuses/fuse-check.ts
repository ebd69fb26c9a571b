import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

/** The name electron-builder.yml gives each fuse (its `electronFuses` keys). */
export type FuseKey =
  | 'runAsNode'
  | 'enableCookieEncryption'
  | 'enableNodeOptionsEnvironmentVariable'
  | 'enableNodeCliInspectArguments'
  | 'enableEmbeddedAsarIntegrityValidation'
  | 'onlyLoadAppFromAsar'
  | 'grantFileProtocolExtraPrivileges';

/**
 * What the README promises of a packaged Studyline: it cannot be started as a
 * plain Node (ELECTRON_RUN_AS_NODE), nor be given Node options or a debugger
 * from outside, runs only the code of its own app.asar and checks that file's
 * integrity; cookies are encrypted; file:// gets no extra rights (the window is
 * served from studyline://).
 */
export const PROMISED_FUSES: Record<FuseKey, boolean> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

// How the wire stores each fuse: the characters '1' and '0' (@electron/fuses keeps its
// FuseState enum to itself).
const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);

const WIRE_INDEX: Record<FuseKey, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

export interface FuseReading {
  fuse: FuseKey;
  promised: boolean;
  /** What the binary says: on, off, or missing from its fuse wire. */
  found: 'on' | 'off' | 'absent';
  ok: boolean;
}

/** Reads the fuse wire of a packaged binary (or .app) and compares it with the promises. */
export async function readFuses(binary: string): Promise<FuseReading[]> {
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
  return (Object.keys(PROMISED_FUSES) as FuseKey[]).map((fuse) => {
    const state = wire[WIRE_INDEX[fuse]];
    const found = state === ON ? 'on' : state === OFF ? 'off' : 'absent';
    const promised = PROMISED_FUSES[fuse];
    return { fuse, promised, found, ok: found === (promised ? 'on' : 'off') };
  });
}

/** The packaged apps `electron-builder` left in `distDir` (one per platform built). */
export function packagedBinaries(distDir: string): string[] {
  if (!existsSync(distDir)) return [];
  const found: string[] = [];
  for (const folder of readdirSync(distDir)) {
    const dir = join(distDir, folder);
    const candidates = [
      join(dir, 'studyline'), // Linux (the deb's and AppImage's executable name)
      join(dir, 'Studyline.exe'),
      join(dir, 'Studyline.app'),
    ];
    found.push(...candidates.filter((file) => existsSync(file)));
  }
  return found;
}

/**
 * Reads the fuses back from packaged Studyline binaries and checks each one the
 * README promises. `npm run dist` runs it on what it built; by hand:
 *   npx tsx resources/check-fuses.ts [path to a packaged binary or .app …]
 * Without arguments it checks every app electron-builder left in dist/.
 * Exits 1 when a fuse is not as promised, or when there is nothing to check.
 */
import { join } from 'node:path';
import { packagedBinaries, readFuses } from './fuses/fuse-check';

const targets = process.argv.slice(2);
const binaries =
  targets.length > 0 ? targets : packagedBinaries(join(import.meta.dirname, '..', 'dist'));
if (binaries.length === 0) {
  console.error(
    'No packaged Studyline found in dist/: run `npm run dist` first (it needs Electron’s release host).',
  );
  process.exit(1);
}
let failures = 0;
for (const binary of binaries) {
  console.log(binary);
  for (const row of await readFuses(binary)) {
    const want = row.promised ? 'on' : 'off';
    console.log(
      `  ${row.ok ? 'ok  ' : 'FAIL'} ${row.fuse.padEnd(40)} ${row.found} (promised ${want})`,
    );
    if (!row.ok) failures += 1;
  }
}
if (failures > 0) {
  console.error(`${failures} fuse(s) not as the README promises.`);
  process.exit(1);
}

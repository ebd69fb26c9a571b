import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LibraryStore } from '../../electron/core/library/library-store';
import { syncSources } from '../../electron/core/sync/sync-engine';

/**
 * One first sync of a huge feed (argv: its address), in a process of its own so
 * that its peak memory (maxRSS) is the sync's alone. Prints one JSON line.
 */
const [url = ''] = process.argv.slice(2);
const dir = await mkdtemp(join(tmpdir(), 'studyline-huge-'));
try {
  const library = await LibraryStore.open(dir);
  const started = performance.now();
  const report = await syncSources([{ id: 'huge', url, kind: 'archive' }], {
    library,
    assetsDir: join(dir, 'assets'),
  });
  const ms = performance.now() - started;
  const [result] = report.results;
  const libraryBytes = await stat(join(dir, 'library', 'huge.json')).then(
    (s) => s.size,
    () => 0,
  );
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, peakMb, libraryBytes, result })}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}

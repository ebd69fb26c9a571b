import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LibraryStore } from '../../electron/core/library/library-store';
import {
  LIBRARY_SCHEMA_VERSION,
  type SourceFile,
  type StoredItem,
} from '../../electron/core/library/model';
import { ratio } from './sync-bench';
import { stats, timeMs, type Stats } from './stats';

export interface LibraryBench {
  library_open: Stats;
  json_parse: Stats;
  library_open_ratio: number;
  library_mb: number;
}

const EMAILS = 10_000;
const SOURCES = 10;

/** Opening a 10,000-email library (10 archives of 1,000), against JSON.parse of the same bytes. */
export async function benchLibraryOpen(runs: number): Promise<LibraryBench> {
  const dir = await mkdtemp(join(tmpdir(), 'studyline-bench-lib-'));
  try {
    await writeLibrary(dir);
    const files = (await readdir(join(dir, 'library'))).filter((f) => f.endsWith('.json'));
    const texts = await Promise.all(files.map((f) => readFile(join(dir, 'library', f), 'utf8')));
    const open: number[] = [];
    const parse: number[] = [];
    for (let run = 0; run < runs; run++) {
      parse.push(await timeMs(() => texts.map((t): unknown => JSON.parse(t))));
      open.push(
        await timeMs(async () => {
          const library = await LibraryStore.open(dir);
          const all = await library.loadAll();
          if (all.reduce((n, f) => n + f.items.length, 0) !== EMAILS)
            throw new Error('library bench: wrong count');
        }),
      );
    }
    const openStats = stats(open);
    const parseStats = stats(parse);
    return {
      library_open: openStats,
      json_parse: parseStats,
      library_open_ratio: ratio(openStats.median, parseStats.median),
      library_mb: Math.round(texts.reduce((n, t) => n + t.length, 0) / 1e5) / 10,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function writeLibrary(dir: string): Promise<void> {
  const library = await LibraryStore.open(dir);
  for (let s = 0; s < SOURCES; s++) {
    const file: SourceFile = {
      schemaVersion: LIBRARY_SCHEMA_VERSION,
      source: {
        id: `bench-${s}`,
        url: `https://example.org/${s}/feed/`,
        kind: 'archive',
        lastSyncAt: new Date().toISOString(),
      },
      items: Array.from({ length: EMAILS / SOURCES }, (_, i) => benchItem(s, i)),
    };
    await library.save(file);
  }
  await library.flush();
}

function benchItem(source: number, n: number): StoredItem {
  const day = new Date(Date.UTC(2013, 9, 21) + n * 86_400_000).toISOString();
  return {
    id: `bench-${source}.${n.toString(16).padStart(10, '0')}`,
    key: `https://example.org/?p=${source * 100_000 + n}`,
    title: `Week ${Math.ceil(n / 2)}: lesson ${n}`,
    link: `https://example.org/${source}/lesson-${n}/`,
    author: 'mechanicalmooc',
    sentAt: day,
    publishedAt: day,
    html:
      `<p>Lesson ${n}.</p><pre><code>print(${n})</code></pre>` +
      '<p>Work through the exercises, then post your answer in your study group.</p>'.repeat(50),
    categories: ['seq21oct13', 'python'],
    images: [],
    contentHash: `h${n}`,
    firstSeenAt: day,
    updatedAt: day,
  };
}

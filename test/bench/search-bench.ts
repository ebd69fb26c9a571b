import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { LibraryStore } from '../../electron/core/library/library-store';
import type { ProgressFile } from '../../electron/core/library/model';
import { indexPath } from '../../electron/core/search/index-file';
import { itemSearchText } from '../../electron/core/search/item-text';
import { SearchService } from '../../electron/core/search/search-service';
import { benchQueries, writeSearchLibrary } from './search-corpus';
import { round, stats, timeMs, type Stats } from './stats';

export interface SearchBench {
  search_p95_ms: number;
  search_median_ms: number;
  search_index_build_ms: Stats;
  search_index_open_ms: Stats;
  /** Opening the library and its index, against JSON.parse of the library's bytes and the index's. */
  open_ratio: number;
  library_open_ms: Stats;
  search_index_mb: number;
  search_text_mb: number;
  search_index_file_mb: number;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => round(bytes / 1e6, 1);

async function openLibrary(dataDir: string): Promise<LibraryStore> {
  const library = await LibraryStore.open(dataDir);
  await library.loadAll();
  return library;
}

/** The bare parse of everything on disk: each library file, the index's records and each engine part. */
async function bareParseMs(dataDir: string): Promise<number> {
  const dir = join(dataDir, 'library');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  const texts = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
  const lines = (await readFile(indexPath(dataDir), 'utf8')).split('\n');
  // Line 0 names the version, line 1 holds the records, then one "field<TAB>key<TAB>json" a line.
  const jsons = [lines[1]!, ...lines.slice(2, -2).map((line) => line.split('\t', 3)[2]!)];
  return timeMs(() => {
    for (const text of [...texts, ...jsons]) JSON.parse(text);
  });
}

/**
 * Search over 10,000 realistic emails, 2,000 group posts and 500 notes:
 * building the index from scratch, opening the saved one when nothing
 * changed, memory, and 200 mixed queries (words, prefixes, typos, phrases).
 */
export async function benchSearch(runs: number): Promise<SearchBench> {
  const dataDir = await mkdtemp(join(tmpdir(), 'studyline-bench-search-'));
  try {
    const data: ProgressFile = await writeSearchLibrary(dataDir);
    const progress = { data };
    const build: number[] = [];
    for (let run = 0; run < runs; run++) {
      await rm(indexPath(dataDir), { force: true });
      const library = await openLibrary(dataDir);
      const service = new SearchService({ dataDir, library, progress });
      build.push(await timeMs(() => service.open()));
      await service.save();
    }
    const open: number[] = [];
    const libraryOpen: number[] = [];
    const parse: number[] = [];
    let memory = 0;
    let service: SearchService | undefined;
    for (let run = 0; run < runs; run++) {
      service = undefined;
      let library: LibraryStore | undefined;
      libraryOpen.push(await timeMs(async () => (library = await openLibrary(dataDir))));
      const before = heapUsed();
      service = new SearchService({ dataDir, library: library!, progress });
      open.push(await timeMs(() => service!.open()));
      memory = heapUsed() - before;
      parse.push(await bareParseMs(dataDir));
    }
    const times: number[] = [];
    for (const text of [...benchQueries(), ...benchQueries()]) {
      times.push(await timeMs(() => service!.search({ text, limit: 20 })));
    }
    const warm = times.slice(200).sort((a, b) => a - b);
    const openStats = stats(open);
    const libraryStats = stats(libraryOpen);
    return {
      search_p95_ms: round(warm[Math.floor(warm.length * 0.95)]!),
      search_median_ms: round(warm[Math.floor(warm.length / 2)]!),
      search_index_build_ms: stats(build),
      search_index_open_ms: openStats,
      open_ratio: round((libraryStats.median + openStats.median) / stats(parse).median, 2),
      library_open_ms: libraryStats,
      search_index_mb: mb(memory),
      search_text_mb: mb(await textBytes(dataDir)),
      search_index_file_mb: mb((await readFile(indexPath(dataDir))).length),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function textBytes(dataDir: string): Promise<number> {
  const library = await openLibrary(dataDir);
  let total = 0;
  for (const file of await library.loadAll()) {
    for (const item of file.items) {
      const text = itemSearchText(item);
      total += text.title.length + text.body.length;
    }
  }
  return total;
}

// Run alone: `npx tsx test/bench/search-bench.ts`
if (process.argv[1]?.endsWith('search-bench.ts')) {
  const result = await benchSearch(Number(process.argv[2] ?? 3));
  await writeFile('/dev/stdout', `${JSON.stringify(result, null, 2)}\n`);
}

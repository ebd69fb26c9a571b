import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { CorpusOutcome } from './corpus-worker';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Real feeds from the feedparser and rss-parser test suites, kept beside the project. */
const corpus = path.resolve(repoRoot, '../shared/corpus');
const FEED_FILE = /\.(xml|rss|atom|rdf|json|feed)$/i;
/** A file that takes longer than this is treated as a hang. */
const PER_FILE_MS = 5_000;

function feedFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && FEED_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

type Result = Omit<CorpusOutcome, 'kind'> & { kind: CorpusOutcome['kind'] | 'hang' };

/** tsx compiles the TypeScript worker; the bootstrap is CommonJS so it can run as eval code. */
function startWorker(files: string[], start: number): Worker {
  const entry = fileURLToPath(new URL('./corpus-worker.ts', import.meta.url));
  const bootstrap = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(bootstrap, { eval: true, workerData: { files, start } });
}

/** Parses every file in a worker; a file that stalls is recorded as a hang and skipped. */
function runAll(files: string[]): Promise<Result[]> {
  const results: Result[] = [];
  return new Promise((resolve, reject) => {
    const launch = (start: number): void => {
      const worker = startWorker(files, start);
      let current = start;
      let watchdog = setTimeout(onHang, PER_FILE_MS * 4); // includes the worker's start-up
      function onHang(): void {
        results.push({ index: current, kind: 'hang' });
        void worker.terminate();
        if (current + 1 < files.length) launch(current + 1);
        else resolve(results);
      }
      worker.on('message', (message: CorpusOutcome | { index: number; kind: 'started' }) => {
        clearTimeout(watchdog);
        watchdog = setTimeout(onHang, PER_FILE_MS);
        current = message.index;
        if (message.kind === 'started') return;
        results.push(message);
        if (message.index === files.length - 1) {
          clearTimeout(watchdog);
          void worker.terminate();
          resolve(results);
        }
      });
      worker.on('error', (error) => {
        clearTimeout(watchdog);
        reject(error);
      });
    };
    launch(0);
  });
}

const present = existsSync(corpus);
const suite = present ? describe : describe.skip;

suite(
  `feed corpus conformance (${present ? corpus : `skipped: no corpus folder at ${corpus}`})`,
  () => {
    it('turns every real-world feed file into a ParsedFeed or a clear StudylineError, without hanging', async () => {
      const files = feedFiles(corpus);
      expect(files.length).toBeGreaterThan(0);
      const results = await runAll(files);
      const count = (kind: Result['kind']): number =>
        results.filter((result) => result.kind === kind).length;
      console.log(
        `corpus: ${files.length} files, ${count('parsed')} parsed, ${count('clear-error')} clear errors, ` +
          `${count('unexpected')} unexpected, ${count('hang')} hangs`,
      );
      const problems = results
        .filter((result) => result.kind === 'unexpected' || result.kind === 'hang')
        .map(
          (result) =>
            `${path.relative(corpus, files[result.index] ?? '')}: ${result.kind} ${result.detail ?? ''}`,
        );
      expect(problems).toEqual([]);
      expect(results).toHaveLength(files.length);
    }, 120_000);
  },
);

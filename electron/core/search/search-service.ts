import type { LibraryStore } from '../library/library-store';
import type { ProgressFile } from '../library/model';
import type { DurableFs } from '../library/durable-fs';
import type { SearchRequest, SearchResults } from '../../shared/types';
import { reconcile } from './reconcile';
import type { SearchIndex } from './search-index';
import { findHits } from './find-hits';

/**
 * The index and its file format (flexsearch) load with the index's first
 * opening, not when the core starts: most commands never search.
 */
async function indexCode() {
  const [file, index] = await Promise.all([import('./index-file'), import('./search-index')]);
  return { ...file, SearchIndex: index.SearchIndex };
}

export interface SearchServiceDeps {
  dataDir: string;
  library: LibraryStore;
  progress: { readonly data: Readonly<ProgressFile> };
  /** Never writes the index file (read-only CLI commands). */
  readOnly?: boolean;
  fs?: DurableFs;
}

/**
 * The core's search: one index over email text, notes and group posts, kept
 * beside the library. Opened once (from its file; rebuilt from the library
 * when missing, damaged or of another version) and brought up to date after
 * every change; changes are applied one at a time.
 */
export class SearchService {
  private index?: Promise<SearchIndex>;
  private queue: Promise<unknown> = Promise.resolve();
  private unsaved = false;

  constructor(private readonly deps: SearchServiceDeps) {}

  /** Opens the index (at most once) and brings it in line with the library. */
  open(): Promise<SearchIndex> {
    this.index ??= this.exclusive(async () => {
      const { readIndexFile, SearchIndex } = await indexCode();
      const index = (await readIndexFile(this.deps.dataDir, this.deps.fs)) ?? new SearchIndex();
      return this.catchUp(index);
    });
    return this.index;
  }

  /** After a sync, a follow or unfollow, a note edit: indexes what changed. */
  async refresh(): Promise<void> {
    const current = await this.open();
    const next = await this.exclusive(() => this.catchUp(current));
    if (next !== current) this.index = Promise.resolve(next);
  }

  async search(request: SearchRequest): Promise<SearchResults> {
    const index = await this.open();
    return findHits(index, request, this.deps);
  }

  /** Writes the index if it changed since it was read. */
  async save(): Promise<void> {
    if (!this.index || this.deps.readOnly) return;
    const index = await this.index;
    await this.exclusive(async () => {
      if (!this.unsaved) return;
      const { writeIndexFile } = await indexCode();
      await writeIndexFile(this.deps.dataDir, index, this.deps.fs);
      this.unsaved = false;
    });
  }

  private async catchUp(index: SearchIndex): Promise<SearchIndex> {
    let current = index;
    if (current.needsCompaction) current = new (await indexCode()).SearchIndex();
    const changed = await reconcile(current, this.deps);
    if (changed > 0 || current !== index) this.unsaved = true;
    return current;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

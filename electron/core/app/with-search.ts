import { afterOpening } from './after-opening';
import { SearchService, type SearchServiceDeps } from '../search/search-service';
import type { StudylineCore } from './core-api';

type CoreWithoutSearch = Omit<StudylineCore, 'search'>;

/**
 * Adds search to the core and keeps its index current: after a sync (new and
 * changed emails and posts), a follow or an unfollow, a note edit and an
 * import, only what changed is indexed; the index file is written after a
 * sync and on close.
 * A writing app core opens the index in the background soon after opening, so the first
 * search does not wait for it.
 */
export function withSearch(
  core: CoreWithoutSearch,
  deps: SearchServiceDeps,
  options: { openIndexAfterMs?: number },
): StudylineCore {
  const search = new SearchService(deps);
  const opening =
    options.openIndexAfterMs === undefined
      ? undefined
      : afterOpening(options.openIndexAfterMs, () => void search.open().catch(() => undefined));
  const after =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>, save = false) =>
    async (...args: A): Promise<R> => {
      const result = await run(...args);
      await search.refresh();
      if (save) await search.save();
      return result;
    };
  return {
    ...core,
    search: (request) => search.search(request),
    sync: after(core.sync, true),
    // Following a course again brings back its saved emails and notes at once.
    follow: after(core.follow),
    unfollow: after(core.unfollow),
    setNote: after(core.setNote),
    importProgress: after(core.importProgress),
    close: async () => {
      opening?.cancel();
      // The index is derived data: failing to save it must not keep the library from closing.
      await search.save().catch(() => undefined);
      await core.close();
    },
  };
}

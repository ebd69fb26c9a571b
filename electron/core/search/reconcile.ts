import { createHash } from 'node:crypto';
import type { LibraryStore } from '../library/library-store';
import type { ProgressFile, StoredItem } from '../library/model';
import { sourceIdOfEmail, sourcesOfCourses } from '../app/library-views';
import { itemSearchText, itemSearchVersion } from './item-text';
import type { SearchIndex } from './search-index';

export interface ReconcileDeps {
  library: LibraryStore;
  progress: { readonly data: Readonly<ProgressFile> };
}

export const noteKey = (emailId: string) => `note:${emailId}`;

function noteVersion(note: string): string {
  return createHash('sha1').update(note).digest('hex').slice(0, 16);
}

/** Gives the event loop a turn now and then, so a long (re)build never freezes the app. */
function yielder(sliceMs = 25): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
}

/**
 * Brings the index in line with the library and the notes: what is new or
 * changed (by content hash) is indexed, what is gone (unfollowed, dropped
 * from a group feed, note cleared) is removed, the rest costs a lookup.
 * Returns how many entries changed. A source file that cannot be read keeps
 * its entries: it is skipped, not emptied.
 */
export async function reconcile(index: SearchIndex, deps: ReconcileDeps): Promise<number> {
  const wanted = new Set<string>();
  const unreadable = new Set<string>();
  const emails = new Map<string, StoredItem>();
  const pause = yielder();
  let changed = 0;
  for (const source of sourcesOfCourses(deps.progress.data.courses)) {
    const file = await deps.library.get(source.id).catch(() => {
      unreadable.add(source.id);
      return undefined;
    });
    const kind = source.kind === 'archive' ? 'email' : 'group';
    for (const item of file?.items ?? []) {
      wanted.add(item.id);
      if (kind === 'email') emails.set(item.id, item);
      const version = itemSearchVersion(item);
      if (index.versionOf(item.id) === version) continue;
      index.put({ key: item.id, kind, sourceId: source.id, version }, itemSearchText(item));
      changed += 1;
      await pause();
    }
  }
  for (const [emailId, state] of Object.entries(deps.progress.data.emails)) {
    const email = state.note ? emails.get(emailId) : undefined;
    if (!email || !state.note) continue;
    const key = noteKey(emailId);
    wanted.add(key);
    const version = noteVersion(state.note);
    if (index.versionOf(key) === version) continue;
    const doc = { key, kind: 'note' as const, sourceId: sourceIdOfEmail(emailId), version };
    index.put(doc, { title: '', body: state.note });
    changed += 1;
  }
  for (const key of [...index.keys()]) {
    if (wanted.has(key)) continue;
    const sourceId = sourceIdOfEmail(key.startsWith('note:') ? key.slice(5) : key);
    if (unreadable.has(sourceId)) continue;
    index.remove(key);
    changed += 1;
  }
  return changed;
}

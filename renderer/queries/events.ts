import type { QueryClient } from '@tanstack/react-query';
import type { Events } from '../../electron/shared/contract';
import type { LibraryChange, SyncProgress, SyncStatus } from '../../electron/shared/types';
import { studyline } from '../lib/studyline-api';
import { keys } from './keys';

/**
 * The only place the window hears the core's events. Each one invalidates
 * exactly the keys it names (only queries on screen are read again); sync
 * events update the sync state in place, without a read. Returns the
 * unsubscribe. Sends `app:ready` once subscribed, so main hands over what
 * waited for the window (a clicked reminder): nothing is lost before.
 */
export function connectEvents(
  queryClient: QueryClient,
  openEmail: (courseId: string, emailId: string) => void,
): () => void {
  const api = studyline();
  const invalidate: Invalidate = (queryKey, exact = true) =>
    void queryClient.invalidateQueries({ queryKey, exact });
  const offs = [
    api.on('sync:begin', (begin) =>
      updateSync(queryClient, (status) => ({
        ...status,
        running: { ...begin, progress: [], cancelling: false },
      })),
    ),
    api.on('sync:progress', ({ syncId, progress }) =>
      updateSync(queryClient, (status) =>
        status.running?.syncId === syncId
          ? {
              ...status,
              running: { ...status.running, progress: upsert(status.running.progress, progress) },
            }
          : status,
      ),
    ),
    api.on('sync:finish', (finish) => {
      updateSync(queryClient, (status) => ({ ...status, running: undefined, last: finish }));
      libraryChanged(invalidate, finish.changed);
    }),
    api.on('library:changed', (change) => libraryChanged(invalidate, change)),
    api.on('progress:changed', (change) => progressChanged(invalidate, change)),
    api.on('plan:changed', ({ courseId }) => {
      invalidate(keys.progress(courseId));
      invalidate(keys.reminders());
      invalidate(keys.agenda());
    }),
    api.on('settings:changed', () => {
      invalidate(keys.settings());
      invalidate(keys.reminders());
    }),
    // The status comes whole with the event: no read needed.
    api.on('share:changed', (status) => queryClient.setQueryData(keys.share(), status)),
    api.on('app:openEmail', ({ courseId, emailId }) => openEmail(courseId, emailId)),
  ];
  // Listening now: main may deliver what it held for the window.
  void api['app:ready']().catch(() => undefined);
  return () => offs.forEach((off) => off());
}

/** `exact: false` reaches every key under the prefix (searches, keyed by their text). */
type Invalidate = (queryKey: readonly unknown[], exact?: boolean) => void;

/** Every search over the named courses' text (emails, notes, group posts). */
function searchesOf(invalidate: Invalidate, courseIds: readonly string[]): void {
  if (courseIds.length === 0) return;
  invalidate(['search'], false);
  for (const courseId of courseIds) invalidate([...keys.course(courseId), 'search'], false);
}

/** The library's status, and each named course's emails, standing, groups and searches. */
function libraryChanged(invalidate: Invalidate, change: LibraryChange): void {
  invalidate(keys.library());
  for (const courseId of change.courseIds) {
    invalidate(keys.emails(courseId));
    invalidate(keys.progress(courseId));
    invalidate(keys.groups(courseId));
  }
  searchesOf(invalidate, change.courseIds);
  // New emails can be due: the next reminder and the agenda may move.
  if (change.courseIds.length > 0) {
    invalidate(keys.reminders());
    invalidate(keys.agenda());
  }
}

function progressChanged(invalidate: Invalidate, change: Events['progress:changed']): void {
  // Done and star move the standing (counts, streak, due): one read of the course's progress.
  if (change.fields.some((field) => field !== 'note')) {
    invalidate(keys.progress(change.courseId));
    invalidate(keys.reminders());
    invalidate(keys.agenda());
  }
  if (change.fields.includes('note')) {
    for (const emailId of change.emailIds) invalidate(keys.email(emailId));
    // Notes are searched; whether an email has one comes with the note's reply (emails.ts).
    searchesOf(invalidate, [change.courseId]);
  }
}

/**
 * Sync events change the cached state in place. Before the first answer to
 * `sync:status` (or while one is on its way) there is nothing reliable to
 * change: that read is asked again instead, so it cannot answer from before.
 */
function updateSync(queryClient: QueryClient, change: (status: SyncStatus) => SyncStatus): void {
  const status = queryClient.getQueryData<SyncStatus>(keys.sync());
  if (!status || queryClient.isFetching({ queryKey: keys.sync() }) > 0) {
    void queryClient.invalidateQueries({ queryKey: keys.sync() });
    return;
  }
  queryClient.setQueryData(keys.sync(), change(status));
}

function upsert(list: SyncProgress[], next: SyncProgress): SyncProgress[] {
  const index = list.findIndex((p) => p.sourceId === next.sourceId);
  if (index < 0) return [...list, next];
  return list.map((p, i) => (i === index ? next : p));
}

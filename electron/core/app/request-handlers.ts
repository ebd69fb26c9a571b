import type { StudylineCore } from './core-api';
import { StudylineError } from '../errors';
import type { RequestHandlers } from './dispatch';
import type { Emit } from './emit';
import { paceHandlers } from './pace-handlers';
import { shareHandlers } from './share-handlers';
import type { SyncRunner } from './sync-runner';

export type { Emit, RequestHandlers };

/** Requests about the window itself (is it ready?), answered by main or the test harness. */
export type WindowChannel = 'app:ready';
export type CoreHandlers = Omit<RequestHandlers, WindowChannel>;

export interface HandlerDeps {
  emit: Emit;
  /** The one owner of sync state (main's scheduler and tray use the same one). */
  syncs: SyncRunner;
  /** Opens an http(s) URL in the learner's browser (shell.openExternal in the app). */
  openExternal: (url: string) => Promise<void>;
  /** Asks where to save and writes the file; undefined when the learner cancelled. */
  saveFile: (
    suggestedName: string,
    text: string,
    kind: 'ics' | 'json',
  ) => Promise<string | undefined>;
  /** Asks for a file and returns its text; undefined when the learner cancelled. */
  openTextFile: (kind: 'json') => Promise<string | undefined>;
  /** Shows a file in the system's file manager (shell.showItemInFolder in the app). */
  showInFolder: (path: string) => void;
  /** Puts text on the system clipboard (the page itself has no clipboard permission). */
  writeClipboard: (text: string) => Promise<void> | void;
  /** Asks for a folder to share progress through (opening at `current`); undefined if cancelled. */
  chooseFolder: (current?: string) => Promise<string | undefined>;
}

/**
 * Binds every library request of the contract to the core, and tells each
 * change once, naming what changed. Arguments arrive validated (dispatch.ts).
 * Shared by the main process and the browser tests, so both exercise exactly
 * the same code.
 */
export function createRequestHandlers(core: StudylineCore, deps: HandlerDeps): CoreHandlers {
  const { emit, syncs } = deps;
  const libraryChanged = (courseIds: string[], sourceIds: string[] = []) =>
    emit('library:changed', { courseIds, sourceIds });
  // "Show in folder" only for files Studyline itself wrote: the page cannot probe the disk.
  const written = new Set<string>();
  const remember = (path: string | undefined) => {
    if (path) written.add(path);
    return path;
  };
  const saveFile: HandlerDeps['saveFile'] = async (...args) =>
    remember(await deps.saveFile(...args));
  return {
    ...paceHandlers(core, { ...deps, saveFile }, remember),
    ...shareHandlers(core, deps),
    'catalog:get': async () => core.catalog(),
    'status:get': () => core.status(),
    'courses:list': () => core.courses(),
    'course:follow': async (target) => {
      const course = await core.follow(target);
      libraryChanged([course.id], core.sourceIdsFor({ courseId: course.id }));
      return course;
    },
    'course:unfollow': async (courseId) => {
      const sourceIds = core.sourceIdsFor({ courseId });
      await core.unfollow(courseId);
      libraryChanged([courseId], sourceIds);
    },
    'emails:list': (courseId) => core.emails(courseId),
    // Opening is not progress the reminders count, and only the window that opened it shows it.
    'email:open': (emailId) => core.email(emailId, { markOpened: true }),
    'email:read': (emailId) => core.email(emailId, { markOpened: false }),
    'groups:list': (courseId) => core.groups(courseId),
    'group:add': async (courseId, group) => {
      const groups = await core.addGroup(courseId, group);
      libraryChanged([courseId], core.sourceIdsFor({ courseId }));
      return groups;
    },
    'sources:list': () => core.sources(),
    'sync:start': (scope) => syncs.start(scope),
    'sync:status': async () => syncs.status(),
    'sync:cancel': async () => syncs.cancel(),
    'notice:dismiss': async (noticeId) => {
      await core.dismissNotice(noticeId);
      libraryChanged([]);
    },
    'link:open': (url) => deps.openExternal(url),
    'search:query': (request) => core.search(request),
    'file:showInFolder': async (path) => {
      if (!written.has(path)) {
        throw new StudylineError('not-found', 'Studyline can only show files it saved itself.');
      }
      deps.showInFolder(path);
    },
    'clipboard:write': async (text) => deps.writeClipboard(text),
  };
}

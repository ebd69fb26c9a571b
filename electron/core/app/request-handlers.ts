import type { Events, RequestChannel, Requests, SyncScope } from '../../shared/contract';
import type { SyncReport } from '../../shared/types';
import type { StudylineCore } from './core-api';
import { paceHandlers } from './pace-handlers';

export type RequestHandlers = {
  [C in RequestChannel]: (
    ...args: Parameters<Requests[C]>
  ) => Promise<Awaited<ReturnType<Requests[C]>>>;
};

export type Emit = <E extends keyof Events>(event: E, payload: Events[E]) => void;

export interface HandlerDeps {
  emit: Emit;
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
  /** Plans or progress changed: main re-plans reminders and the tray. */
  onProgressChanged?: () => void;
}

/**
 * Binds every request of the contract to the core. Arguments are validated by
 * the caller (main's IPC layer) before they get here. Shared by the main
 * process and the browser tests, so both exercise exactly the same code.
 */
export function createRequestHandlers(core: StudylineCore, deps: HandlerDeps): RequestHandlers {
  const sync = createSingleFlightSync(core, deps.emit);
  return {
    ...paceHandlers(core, deps),
    'catalog:get': async () => core.catalog(),
    'status:get': () => core.status(),
    'courses:list': () => core.courses(),
    'course:follow': async (target) => {
      const course = await core.follow(target);
      deps.emit('library:changed', { courseIds: [course.id] });
      return course;
    },
    'course:unfollow': async (courseId) => {
      await core.unfollow(courseId);
      deps.emit('library:changed', { courseIds: [courseId] });
    },
    'emails:list': (courseId) => core.emails(courseId),
    // Opening is not progress the reminders count: no re-plan for it.
    'email:open': (emailId) => core.email(emailId, { markOpened: true }),
    'groups:list': (courseId) => core.groups(courseId),
    'group:add': (courseId, group) => core.addGroup(courseId, group),
    'sources:list': () => core.sources(),
    'sync:start': (scope) => sync.start(scope),
    'sync:cancel': async () => sync.cancel(),
    'notice:dismiss': (noticeId) => core.dismissNotice(noticeId),
    'link:open': (url) => deps.openExternal(url),
  };
}

/** Never two syncs at once: a request during a sync joins the running one. */
export function createSingleFlightSync(core: StudylineCore, emit: Emit) {
  let running: { promise: Promise<SyncReport>; controller: AbortController } | undefined;
  return {
    start(scope: SyncScope): Promise<SyncReport> {
      if (running) return running.promise;
      const controller = new AbortController();
      const promise = core
        .sync(scope, { signal: controller.signal, onProgress: (p) => emit('sync:progress', p) })
        .then((report) => {
          emit('sync:finished', report);
          // New emails move due dates and counts: everything may have changed.
          emit('library:changed', { courseIds: [] });
          return report;
        })
        .finally(() => {
          running = undefined;
        });
      running = { promise, controller };
      return promise;
    },
    cancel(): void {
      running?.controller.abort();
    },
  };
}

import { join } from 'node:path';
import type { SyncScope } from '../../shared/contract';
import type { LibraryStatus } from '../../shared/types';
import type { SourceMeta } from '../library/model';
import { loadCatalog } from '../catalog/catalog';
import { LibraryStore } from '../library/library-store';
import { ProgressStore } from '../library/progress-store';
import { HttpLayer } from '../sync/http-layer';
import { ShareSession } from '../share/share-session';
import { createPageProcessor, defaultWorkerEntry } from '../sync/page-processor';
import type { OpenCoreOptions, StudylineCore } from './core-api';
import { defaultPlan } from '../pace/model';
import { makeClock, todayOf } from '../pace/zoned-time';
import { APP_VERSION } from './app-version';
import { addGroup, followCourse, requireCourse, unfollowCourse } from './courses';
import type { CourseDeps } from './courses';
import { paceMethods } from './pace-methods';
import { eventsOfShared } from './share-events';
import { withSearch } from './with-search';
import { courseViews } from './course-views';
import { groupViews } from './group-views';
import { openFolderAccess } from './folder-access';
import { createNoticeBoard } from './notice-board';
import { findEmail, listEmails, sourcesOfCourses, sourceViews } from './library-views';

/** How long the app waits to read its search index after opening: the window's first reads come first. */
const OPEN_INDEX_AFTER_MS = 2_000;

/**
 * Opens a learner's data folder: takes its lock (one writer at a time), opens
 * the library and progress files (restoring damaged ones from their last good
 * copy, with a notice) and returns the core every front end drives.
 */
export async function openStudyline(options: OpenCoreOptions): Promise<StudylineCore> {
  const now = options.now ?? (() => new Date());
  const { lock, readOnlyBecause } = await openFolderAccess(options);
  try {
    const board = createNoticeBoard({
      canSave: readOnlyBecause === undefined,
      now,
      onNotice: options.onNotice,
    });
    const stores = { onNotice: board.add, fs: options.fs, readOnlyBecause };
    const catalog = await loadCatalog(options.catalogPath);
    const library = await LibraryStore.open(options.dataDir, stores);
    const progress = await ProgressStore.open(options.dataDir, stores);
    board.attach(progress);
    const share = await ShareSession.open({
      dataDir: options.dataDir,
      progress,
      now,
      readOnly: options.readOnly,
      pollMs: options.sharePollMs,
      onTaken: (taken) => {
        for (const event of eventsOfShared(taken, progress.data.courses)) options.onShared?.(event);
      },
      onStatus: (status) => options.onShared?.({ event: 'share:changed', payload: status }),
      onNotice: board.add,
      host: options.computerName,
    });
    // One HTTP layer for everything this core fetches: its per-host limits hold across sources.
    const http = new HttpLayer();
    const deps = { catalog, progress, timeoutMs: options.timeoutMs, http, now };
    const processor = createPageProcessor({
      workerEntry: options.pageWorkerEntry ?? defaultWorkerEntry(),
    });
    // The sync code and the page workers load when a sync starts, while its first page
    // downloads: never on a timer. Started 2 s after opening, they took one of a 2-core
    // machine's cores just as the learner scrolled the first screen (long tasks while
    // scrolling: up to 3 per launch with them, 1 without; renderer_long_tasks_scroll).
    const core: Omit<StudylineCore, 'search'> = {
      ...paceMethods({ library, progress, now, zone: options.zone }),
      // Backups, feed parsing and syncing load their modules when used: a command that only
      // reads the library starts without them (see cli_start_ms in the benchmarks).
      exportProgress: async () => {
        const { createBackup } = await import('../transfer/backup');
        return createBackup(progress.data, now().toISOString(), APP_VERSION, options.zone);
      },
      importProgress: async (text) => {
        const { importBackup } = await import('./import-backup');
        return importBackup(options.dataDir, progress, text, now(), options.fs);
      },
      dataDir: options.dataDir,
      catalog: () => catalog,
      status: async (): Promise<LibraryStatus> => {
        const courses = await courseViews(library, progress.data.courses);
        const sources = await sourceViews(library, progress.data.courses);
        // Reading the library may have restored a file just now: that is told here too.
        await board.settled();
        const { lastSyncAt } = progress.data;
        return { dataDir: options.dataDir, courses, sources, notices: board.list(), lastSyncAt };
      },
      courses: () => courseViews(library, progress.data.courses),
      follow: async (target) => {
        const course = await followCourse(deps, target);
        if (!progress.data.plans[course.id]) {
          // Start today at the original rhythm; the learner adjusts it right after.
          const today = todayOf(makeClock(now().toISOString(), options.zone));
          await progress.update((draft) => {
            draft.plans[course.id] ??= defaultPlan(today);
          });
        }
        const [view] = await courseViews(library, [course]);
        return view!;
      },
      unfollow: async (courseId) => void (await unfollowCourse(deps, courseId)),
      emails: (courseId) =>
        listEmails(library, requireCourse(deps, courseId), progress.data.emails),
      email: async (emailId, opts = {}) => {
        const email = await findEmail(
          library,
          progress.data.courses,
          emailId,
          progress.data.emails,
          options.assetUrl,
        );
        if (opts.markOpened && !email.opened) {
          await progress.setEmailState(emailId, {
            ...progress.data.emails[emailId],
            openedAt: now().toISOString(),
          });
          return { ...email, opened: true };
        }
        return email;
      },
      groups: (courseId) => groupViews(library, requireCourse(deps, courseId), now(), catalog),
      addGroup: async (courseId, group) => {
        await addGroup(deps, courseId, group);
        return groupViews(library, requireCourse(deps, courseId), now(), catalog);
      },
      sources: () => sourceViews(library, progress.data.courses),
      sourceIdsFor: (scope) => sourcesInScope(deps, scope).map((s) => s.id),
      sync: async (scope, syncOptions = {}) => {
        processor.warmUp(); // threads and parser get ready while page 1 downloads (if not yet)
        const { syncSources } = await import('../sync/sync-engine');
        const report = await syncSources(sourcesInScope(deps, scope), {
          library,
          assetsDir: join(options.dataDir, 'assets'),
          processor,
          http,
          timeoutMs: options.timeoutMs,
          signal: syncOptions.signal,
          onProgress: syncOptions.onProgress,
          now,
        });
        if (report.results.some((r) => r.status === 'ok' || r.status === 'not-modified')) {
          await progress.update((draft) => {
            draft.lastSyncAt = report.finishedAt;
          });
        }
        return report;
      },
      shareStatus: () => share.status(),
      shareStart: (folder) => share.start(folder),
      shareStop: () => share.stop(),
      shareSync: () => share.syncNow(),
      dismissNotice: async (noticeId) => {
        await progress.update((draft) => {
          draft.notices = draft.notices.filter((n) => n.id !== noticeId);
        });
      },
      close: async () => {
        await processor.close();
        await share.close();
        await board.settled();
        await (options.readOnly ? library.flush() : library.close());
        // A read-only core writes nothing, so it must not fold another process's journal either.
        if (!options.readOnly) await progress.flush();
        await lock.release();
      },
    };
    const search = { dataDir: options.dataDir, library, progress, readOnly: options.readOnly };
    // The app opens the index early (the first search is then instant), after the first screen too.
    const openIndexAfterMs =
      options.owner === 'app' && !options.readOnly ? OPEN_INDEX_AFTER_MS : undefined;
    return withSearch(core, search, { openIndexAfterMs });
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** A course's feeds, chosen sources, or every feed of every followed course. */
function sourcesInScope(deps: Pick<CourseDeps, 'progress'>, scope: SyncScope): SourceMeta[] {
  const all = sourcesOfCourses(deps.progress.data.courses);
  if (scope.sourceIds) return all.filter((s) => scope.sourceIds!.includes(s.id));
  return scope.courseId ? sourcesOfCourses([requireCourse(deps, scope.courseId)]) : all;
}

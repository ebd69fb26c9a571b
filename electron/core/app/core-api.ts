import type { FollowTarget, NewGroup, SettingsPatch, SyncScope } from '../../shared/contract';
import type { DurableFs } from '../library/durable-fs';
import type { CoreEvent } from './share-events';
import type {
  Agenda,
  PlanInput,
  PlanPreviewResult,
  ShownReminder,
  AppSettings,
  CourseProgressView,
  DoneUpTo,
  EmailStateView,
  ImportReport,
  PlanPreview,
  RemindersView,
  SearchRequest,
  SearchResults,
  Catalog,
  CourseView,
  Email,
  EmailSummary,
  GroupView,
  LibraryStatus,
  SourceView,
  ShareStatus,
  SyncProgress,
  SyncReport,
} from '../../shared/types';

export interface SyncOptions {
  onProgress?: (progress: SyncProgress) => void;
  signal?: AbortSignal;
}

/**
 * Everything a learner's library can do, over one data folder. The CLI, the
 * main process and the tests all drive this same object.
 */
export interface StudylineCore {
  readonly dataDir: string;
  catalog(): Catalog;
  status(): Promise<LibraryStatus>;
  courses(): Promise<CourseView[]>;
  follow(target: FollowTarget): Promise<CourseView>;
  unfollow(courseId: string): Promise<void>;
  emails(courseId: string): Promise<EmailSummary[]>;
  /** The email; `markOpened` records that the learner opened it. */
  email(emailId: string, options?: { markOpened?: boolean }): Promise<Email>;
  groups(courseId: string): Promise<GroupView[]>;
  addGroup(courseId: string, group: NewGroup): Promise<GroupView[]>;
  sources(): Promise<SourceView[]>;
  /** The sources a sync of this scope fetches (throws not-found for a course not followed). */
  sourceIdsFor(scope: SyncScope): string[];
  /** Syncs now, whatever else runs: the app goes through its one sync runner (sync-runner.ts). */
  sync(scope: SyncScope, options?: SyncOptions): Promise<SyncReport>;
  dismissNotice(noticeId: string): Promise<void>;

  // Own pace: plans, progress, reminders (every answer follows `now` and the zone).
  progress(courseId: string): Promise<CourseProgressView>;
  previewPlan(courseId: string, input: PlanInput): Promise<PlanPreview>;
  /** Several plans at once (the plan form's choices); each answers its preview or why it is impossible. */
  previewPlans(courseId: string, inputs: PlanInput[]): Promise<PlanPreviewResult[]>;
  setPlan(courseId: string, input: PlanInput): Promise<CourseProgressView>;
  pause(courseId: string): Promise<CourseProgressView>;
  resume(courseId: string): Promise<CourseProgressView>;
  catchUp(courseId: string): Promise<CourseProgressView>;
  /** Records progress on one email; cost does not grow with the library. */
  setDone(emailId: string, done: boolean): Promise<EmailStateView>;
  /** Marks this email and every earlier one of its course done; answers what it changed. */
  setDoneUpTo(emailId: string): Promise<DoneUpTo>;
  /** Done or not done for several emails at once (the undo of setDoneUpTo). */
  setDoneMany(emailIds: string[], done: boolean): Promise<EmailStateView[]>;
  setStarred(emailId: string, starred: boolean): Promise<EmailStateView>;
  setNote(emailId: string, note: string): Promise<EmailStateView>;
  agenda(days: number): Promise<Agenda>;
  /** What to remind now and next (main arms one timer for nextFireAt). */
  reminders(): Promise<RemindersView>;
  /** Main calls this once it has shown reminders, so a restart never repeats them. */
  markRemindersShown(records: ShownReminder[]): Promise<void>;
  snoozeReminders(choice: 'hour' | 'tomorrow', reminderKey?: string): Promise<AppSettings>;
  settings(): AppSettings;
  updateSettings(patch: SettingsPatch): Promise<AppSettings>;
  exportIcs(courseId: string): Promise<{ fileName: string; text: string }>;
  exportProgress(): Promise<{ fileName: string; text: string }>;
  /** Validates first; keeps a copy of the current data; says what changed. */
  importProgress(text: string): Promise<ImportReport>;
  /** Ranked hits over email text, notes and group posts; any text gives an answer, never an error. */
  search(request: SearchRequest): Promise<SearchResults>;

  // Progress kept in step across computers through a folder a sync service shares.
  shareStatus(): ShareStatus;
  /** Starts sharing through `folder` (a folder the learner's sync service keeps in step). */
  shareStart(folder: string): Promise<ShareStatus>;
  shareStop(): Promise<ShareStatus>;
  /** Looks at the shared folder now. */
  shareSync(): Promise<ShareStatus>;

  close(): Promise<void>;
}

export interface OpenCoreOptions {
  dataDir: string;
  /** Who holds the data folder lock. */
  owner: 'app' | 'cli';
  /**
   * Only reads (CLI listings, also while the app runs). Takes the lock only when
   * the folder is free, to repair a damaged file once; otherwise writes nothing.
   */
  readOnly?: boolean;
  /** Told of each notice as it is raised (a file restored from its last good copy). */
  onNotice?: (message: string) => void;
  /** The file system underneath; tests swap it to play a full or read-only disk. */
  fs?: DurableFs;
  /** Per-request timeout for feeds, ms (default 20 s). */
  timeoutMs?: number;
  /** How cached images are addressed in email HTML (custom protocol in the app). */
  assetUrl?: (file: string) => string;
  /** Overrides the built-in catalog (tests, demo library). */
  catalogPath?: string;
  /** Worker script that parses pages off the main thread (the app passes its bundled one). */
  pageWorkerEntry?: string;
  /** The clock, for reproducible answers. */
  now?: () => Date;
  /** IANA time zone for calendar days and reminder times (default: the system's, or TZ). */
  zone?: string;
  /** With sharing on, look at the shared folder this often (the app); else on opening only. */
  sharePollMs?: number;
  /**
   * Sharing's news, as events of the contract: what the learner's other
   * computers changed here (marks, plans, courses, settings) and `share:changed`
   * when what the sharing line says changes. Main pushes them to the window.
   */
  onShared?: (event: CoreEvent) => void;
  /** This computer's name in the shared folder (default: its host name). */
  computerName?: string;
}

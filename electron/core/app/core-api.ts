import type { FollowTarget, NewGroup, SyncScope } from '../../shared/contract';
import type {
  Catalog,
  CourseView,
  Email,
  EmailSummary,
  GroupView,
  LibraryStatus,
  SourceView,
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
  sync(scope: SyncScope, options?: SyncOptions): Promise<SyncReport>;
  dismissNotice(noticeId: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenCoreOptions {
  dataDir: string;
  /** Who holds the data folder lock. */
  owner: 'app' | 'cli';
  /** Only reads: takes no lock and writes nothing (CLI listings while the app runs). */
  readOnly?: boolean;
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
}

/**
 * View models shared by the core, the main process, the CLI and the renderer.
 * Plain data only (they cross IPC): strings for dates, in ISO 8601. Nothing
 * here imports the core: the core maps its model to these.
 */
export type * from './pace-types';
export type * from './sync-types';
import type { CourseStatus, Plan, Reminder, ReminderSettings } from './pace-types';
import type { SourceKind } from './sync-types';
import type { RequestErrorData } from './errors';

export interface CatalogSequence {
  id: string;
  title: string;
  /** The WordPress category feed of this run of the course. */
  feedUrl: string;
  /** Public archive page (category page) of the sequence. */
  archiveUrl: string;
  /** When this run originally started, YYYY-MM-DD. */
  startedOn?: string;
}

export interface CatalogGroup {
  id: string;
  name: string;
  description?: string;
  /** The page a learner opens in the browser to ask for help. */
  liveUrl: string;
  /** RSS/Atom/JSON feed of the group; absent for link-only groups. */
  feedUrl?: string;
  /** A larger group to suggest when this one is quiet (or closed). */
  fallbackGroupId?: string;
  /**
   * The group no longer exists where its address points (its site closed):
   * shown as history, never as the place to ask.
   */
  closed?: boolean;
  /** Why or when it closed, in a sentence ("OpenStudy closed in 2016."). */
  closedNote?: string;
}

export interface CatalogCourse {
  id: string;
  title: string;
  description: string;
  homepage: string;
  sequences: CatalogSequence[];
  groups: CatalogGroup[];
}

export interface Catalog {
  schemaVersion: number;
  courses: CatalogCourse[];
}

/** A study group attached to a followed course. */
export interface GroupDef extends CatalogGroup {
  /** Library source holding the group's feed, when it has one. */
  sourceId?: string;
  /** Added by the learner rather than from the catalog. */
  custom?: boolean;
}

/** A course the learner follows: one run ("sequence") of an email course. */
export interface Course {
  id: string;
  title: string;
  catalogCourseId?: string;
  sequenceId?: string;
  /** Feed URL of the email archive. */
  archiveUrl: string;
  archiveSourceId: string;
  followedAt: string;
  groups: GroupDef[];
}

/** A course archive whose last walk broke off before its first email. */
export interface ArchiveGap {
  /** About how many of the earliest emails may be missing. */
  missingEstimate: number;
  /** Why the walk broke off, in learner words. */
  error?: string;
}

export interface CourseView extends Course {
  emailCount: number;
  /** Set while the archive is incomplete: numbering and plan are provisional until a retry. */
  archiveGap?: ArchiveGap;
  lastSyncAt?: string;
  /** First and last original send dates of the sequence. */
  firstSentAt?: string;
  lastSentAt?: string;
}

export type SourceStatus = 'ok' | 'error' | 'never';

export interface SourceView {
  id: string;
  url: string;
  kind: SourceKind;
  title?: string;
  status: SourceStatus;
  /** Learner-readable reason of the last failure. */
  error?: string;
  /** The feed is over one of Studyline's limits: what was left out. */
  warning?: string;
  itemCount: number;
  lastSyncAt?: string;
  lastSuccessAt?: string;
  /** Courses that use this source. */
  courseIds: string[];
}

export interface EmailSummary {
  id: string;
  courseId: string;
  /** 1-based position in the sequence (original send order). */
  order: number;
  /** The archive is incomplete: earlier emails may still come, and this number may change. */
  provisional?: boolean;
  title: string;
  /** Original send date (from the "Sent …" line, else the item date); absent when the feed gives none. */
  sentAt?: string;
  link?: string;
  author?: string;
  /** The learner opened it at least once. */
  opened: boolean;
  /** The learner marked it done. */
  done: boolean;
  starred: boolean;
  /** The learner wrote a note on it. */
  hasNote: boolean;
}

export interface Email extends EmailSummary {
  /**
   * Sanitized HTML as it is read: cached images point at the asset protocol,
   * and the opening "…: Sent 11 October 2013." paragraph is left out (sentAt says it).
   */
  html: string;
  /** Pictures Studyline tried for a week and gave up on: they show their alt text. */
  missingPictures?: { url: string; reason: string }[];
  categories: string[];
  note?: string;
  /** Its readers' responses (the post's comments), oldest first; absent when there are none. */
  responses?: EmailResponse[];
}

/** One reader's response to an email, as saved for offline reading. */
export interface EmailResponse {
  author?: string;
  /** ISO. */
  publishedAt?: string;
  /** Sanitized HTML. */
  html: string;
  link?: string;
}

export interface GroupPost {
  id: string;
  title: string;
  link?: string;
  author?: string;
  publishedAt?: string;
}

export type GroupActivity = 'active' | 'quiet' | 'no-feed' | 'not-synced' | 'error' | 'closed';

export interface GroupView {
  id: string;
  name: string;
  description?: string;
  liveUrl: string;
  hasFeed: boolean;
  activity: GroupActivity;
  lastPostAt?: string;
  postsLast7Days: number;
  latestPosts: GroupPost[];
  error?: string;
  /** Where to ask instead when this group is quiet or closed: an open group, never a closed one. */
  fallback?: { id: string; name: string; liveUrl: string };
  /** True when this group is quiet or closed and its fallback is livelier. */
  suggestFallback: boolean;
  custom: boolean;
  /** Set when activity is 'closed': why, in a sentence. */
  closedNote?: string;
  /**
   * The one group to ask first (at most one per course): open, the liveliest,
   * the course's own order breaking ties. No group is recommended when all are closed.
   */
  recommended: boolean;
}

/** Something the learner should be told once, e.g. a file restored from its backup. */
export interface Notice {
  id: string;
  at: string;
  level: 'info' | 'warning';
  message: string;
}

export interface LibraryStatus {
  dataDir: string;
  courses: CourseView[];
  sources: SourceView[];
  notices: Notice[];
  lastSyncAt?: string;
}

// ── Own pace (plans, progress, reminders) ───────────────────────────────────
/** The learner's own marks on one email. */
export interface EmailMarks {
  opened: boolean;
  done: boolean;
  starred: boolean;
}

/** A course's plan, where the learner stands, and each email's due date. */
export interface CourseProgressView {
  courseId: string;
  plan: Plan;
  status: CourseStatus;
  /** Due date ('YYYY-MM-DD', a study day) per email id. */
  dueOn: Record<string, string>;
  /** The learner's marks per email id; an email without any mark is absent. */
  marks: Record<string, EmailMarks>;
  /** Built on an incomplete archive: due dates may move once the missing emails are in. */
  provisional?: boolean;
  /** Week of the learner's plan (1 = the first seven days from the start) per email id. */
  weekOf: Record<string, number>;
}

/** What a plan would mean, before the learner saves it. */
export interface PlanPreview {
  plannedFinishOn?: string;
  firstDueOn?: string;
  /** Calendar weeks from start to finish. */
  weeks: number;
  emails: number;
}

/** One plan the form might choose: its preview, or why it is impossible. */
export type PlanPreviewResult = { preview: PlanPreview } | { error: RequestErrorData };

/** The learner's own state of one email. */
export interface EmailStateView {
  emailId: string;
  courseId: string;
  opened: boolean;
  done: boolean;
  starred: boolean;
  note?: string;
}

/** What "done up to here" changed: the emails it marked done, so it can be undone. */
export interface DoneUpTo {
  courseId: string;
  /** In sequence order; emails that were done already are not listed. */
  emailIds: string[];
}

export type ReadingWidth = 'narrow' | 'medium' | 'wide';

export interface AppSettings {
  syncEveryHours: number;
  theme: 'system' | 'light' | 'dark';
  closeToTray: boolean;
  startAtLogin: boolean;
  /** Size of an email's text in the reader, CSS pixels (the rest of the window keeps its size). */
  readingFontSize: number;
  /** Line length of an email's text in the reader. */
  readingWidth: ReadingWidth;
  reminders: ReminderSettings;
}

export interface RemindersView {
  showNow: Reminder[];
  upcoming: Reminder[];
  nextFireAt?: string;
  /** Emails due today or earlier across courses (the tray badge). */
  dueCount: number;
}

/** What importing a backup changed, in words and numbers. */
export interface ImportReport {
  coursesAdded: string[];
  plansChanged: string[];
  emailsChanged: number;
  /** Where the data as it was before the import was kept. */
  backupPath: string;
  summary: string[];
}

// ── Search ──────────────────────────────────────────────────────────────────

export type SearchKind = 'email' | 'note' | 'group';

/** Text with the ranges (UTF-16 offsets, end exclusive) that matched the query. */
export interface MarkedText {
  text: string;
  marks: Array<{ start: number; end: number }>;
}

export interface SearchRequest {
  text: string;
  courseId?: string;
  /** Which kinds to search (default: all). */
  kinds?: SearchKind[];
  /** Most hits in all (default 20). */
  limit?: number;
  /** Most hits of each kind, so a long list of emails leaves room for notes and posts. */
  limitPerKind?: number;
}

export interface SearchHit {
  kind: SearchKind;
  /** Email id for an email or a note (open it, or `studyline show` it); post id for a group post. */
  id: string;
  courseId?: string;
  title: MarkedText;
  /** Send date of the email (a note: of its email), publication date of a post. */
  date?: string;
  snippet: MarkedText;
  /** A group post's page, opened in the browser. */
  link?: string;
  /** The study group a post belongs to. */
  groupName?: string;
}

export interface SearchResults {
  query: string;
  hits: SearchHit[];
  /** More matched than were returned. */
  more: boolean;
  /** Why there is nothing to search for (only punctuation or symbols), in words. */
  message?: string;
}

// ── Progress shared across computers ────────────────────────────────────────

export interface ShareComputer {
  id: string;
  /** The computer's name as it was when it joined ("laptop"). */
  name: string;
  /** Its latest change seen here (ISO). */
  lastChangeAt?: string;
}

/** Sharing progress through a folder the learner's sync service keeps in step. */
export interface ShareStatus {
  on: boolean;
  /** The shared folder, when sharing is on. */
  folder?: string;
  /** This computer. */
  computer: { id: string; name: string };
  /** The other computers whose changes are in the folder. */
  others: ShareComputer[];
  /** The latest change from any computer (ISO). */
  lastChangeAt?: string;
  /** When this computer last looked at the folder (ISO). */
  checkedAt?: string;
  /** Files another computer is still writing, or the sync service still copying. */
  waiting: number;
  /** Changes made here that are not in the shared folder yet. */
  pending: boolean;
  /** What keeps this computer out of step, in plain words. */
  problem?: { code: string; message: string };
}

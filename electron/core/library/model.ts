import type { Course, Notice, SourceKind } from '../../shared/types';
import type { Plan } from '../pace/model';
import type { ReminderSettings, ShownReminder } from '../reminders/model';

/** Bump with a migration in library/migrations when the shape below changes. */
export const LIBRARY_SCHEMA_VERSION = 1;
export const PROGRESS_SCHEMA_VERSION = 1;

/** What we remember about one feed between syncs. */
export interface SourceMeta {
  id: string;
  url: string;
  kind: SourceKind;
  title?: string;
  /** Home page of the feed (channel link). */
  siteUrl?: string;
  etag?: string;
  lastModified?: string;
  lastSyncAt?: string;
  lastSuccessAt?: string;
  /** Learner-readable message of the last failure, cleared on success. */
  lastError?: string;
  /** A server asked us to wait until then (Retry-After), ISO. */
  retryAfter?: string;
  /**
   * True once a WordPress archive has been walked to its last page with every
   * page stored: the emails are the whole course. False again when a later
   * walk broke off before it met the emails already stored.
   */
  fullHistory?: boolean;
  /** An archive walk that broke off: how many of the earliest emails may be missing (about). */
  missingEstimate?: number;
  /** The feed is bigger than Studyline keeps of one feed: what was left out, in words. */
  limitWarning?: string;
}

/** A cached image of an email, stored under assets/. */
export interface CachedImage {
  url: string;
  /** Path relative to the assets folder, e.g. "ab/abcdef….png". */
  file: string;
}

/** A picture that could not be downloaded: tried again after an hour, a day and a week. */
export interface PictureFailure {
  url: string;
  /** Learner words for the last failure. */
  reason: string;
  attempts: number;
  /** When to try again (ISO); absent once Studyline has given up on it. */
  retryAt?: string;
}

/** One reader's response to an email (a WordPress comment), as the reader shows it offline. */
export interface StoredResponse {
  author?: string;
  /** ISO. */
  publishedAt?: string;
  /** Sanitized HTML, like an email's. */
  html: string;
  link?: string;
}

/** An email's discussion: where it lives and what was read of it. */
export interface StoredResponses {
  /** The post's comment feed (wfw:commentRss, else the post's link + "feed/"). */
  feedUrl: string;
  /** How many responses the archive said the post has on the latest sync (slash:comments). */
  count?: number;
  /** `count` when the responses were last fetched: a change means there is more to read. */
  fetchedCount?: number;
  /** When the comment feed was last read; absent: not yet. */
  checkedAt?: string;
  etag?: string;
  lastModified?: string;
  /** The comment feed answered 404/410 (comments closed, feed removed); what was saved stays. */
  gone?: boolean;
  /** Oldest first. */
  items: StoredResponse[];
}

/** One feed entry as kept in the library (an email or a group post). */
export interface StoredItem {
  /** Stable id used everywhere else (progress, CLI, IPC). */
  id: string;
  /** Identity within the feed: guid, else link, else a content hash. */
  key: string;
  title: string;
  link?: string;
  author?: string;
  /** Original send date for emails, publication date for posts (ISO). */
  sentAt?: string;
  /** The feed's own date for the item (ISO), when valid. */
  publishedAt?: string;
  /** Sanitized HTML. */
  html: string;
  categories: string[];
  images: CachedImage[];
  /** False while its pictures still have to be fetched (a sync was cancelled meanwhile). */
  imagesDone?: boolean;
  /** Pictures that failed: never a sync error, retried on later syncs (see PictureFailure). */
  pictureFailures?: PictureFailure[];
  /**
   * Position in the feed when first stored, counted from the top of page 1
   * (newest). Orders undated entries the way the feed listed them.
   */
  feedIndex?: number;
  /** Its readers' responses (archive emails whose feed names a comment feed). */
  responses?: StoredResponses;
  /** Hash of the parsed entry, to tell an updated item from an unchanged one. */
  contentHash: string;
  firstSeenAt: string;
  updatedAt: string;
}

/** One lowdb file per source: library/<sourceId>.json */
export interface SourceFile {
  schemaVersion: number;
  source: SourceMeta;
  items: StoredItem[];
}

export interface Settings {
  /** Sync automatically every N hours while the app runs (0 = off). */
  syncEveryHours: number;
  theme: 'system' | 'light' | 'dark';
  /** Closing the window keeps Studyline (and its reminders) in the tray. */
  closeToTray: boolean;
  /** Opt-in: start Studyline (in the tray) when the learner logs in. */
  startAtLogin: boolean;
  /** The reader's text size for emails, CSS pixels. */
  readingFontSize: number;
  readingWidth: 'narrow' | 'medium' | 'wide';
}

/** The learner's own state of one email, keyed by email id in progress.json. */
export interface EmailState {
  openedAt?: string;
  doneAt?: string;
  note?: string;
  starred?: boolean;
}

/** progress.json: the learner's own state. */
export interface ProgressFile {
  schemaVersion: number;
  courses: Course[];
  emails: Record<string, EmailState>;
  /** The learner's plan per followed course id. */
  plans: Record<string, Plan>;
  reminders: { settings: ReminderSettings; shown: ShownReminder[] };
  settings: Settings;
  notices: Notice[];
  lastSyncAt?: string;
  /**
   * Courses the learner stopped following, most recent first: following one
   * again (or undoing the unfollow) brings back its id and its own groups.
   * Their plans and per-email progress are never removed.
   */
  unfollowed?: Course[];
}

export const DEFAULT_SETTINGS: Settings = {
  syncEveryHours: 4,
  theme: 'system',
  closeToTray: true,
  startAtLogin: false,
  readingFontSize: 17,
  readingWidth: 'medium',
};

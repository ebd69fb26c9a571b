import { z } from 'zod';
import type { IpcResult } from './errors';
import {
  followTargetSchema,
  httpUrl,
  id,
  newGroupSchema,
  planInputSchema,
  planInputsSchema,
  settingsPatchSchema,
  searchRequestSchema,
  shareFolderSchema,
  syncScopeSchema,
} from './schemas';
import type { FollowTarget, NewGroup, SettingsPatch, SyncScope } from './schemas';
import type {
  Agenda,
  AppSettings,
  Catalog,
  CourseProgressView,
  CourseView,
  DoneUpTo,
  Email,
  EmailStateView,
  EmailSummary,
  GroupView,
  ImportReport,
  LibraryChange,
  LibraryStatus,
  PlanInput,
  PlanPreviewResult,
  RemindersView,
  SearchRequest,
  SearchResults,
  ShareStatus,
  SourceView,
  SyncBegin,
  SyncFinish,
  SyncProgress,
  SyncReport,
  SyncStatus,
} from './types';

export type { FollowTarget, NewGroup, SettingsPatch, SyncScope };
export {
  followTargetSchema,
  newGroupSchema,
  planInputSchema,
  settingsPatchSchema,
  syncScopeSchema,
};

/**
 * The one IPC contract. Every request the window may make (main answers it)
 * and every event main may push. Main validates arguments with `requestArgs`
 * (through electron/core/app/dispatch.ts); preload exposes exactly these channels.
 */
export interface Requests {
  /** The window listens now: main delivers what waited for it (an email from a clicked reminder). */
  'app:ready': () => void;
  'catalog:get': () => Catalog;
  'status:get': () => LibraryStatus;
  'courses:list': () => CourseView[];
  'course:follow': (target: FollowTarget) => CourseView;
  'course:unfollow': (courseId: string) => void;
  'emails:list': (courseId: string) => EmailSummary[];
  /** Returns the email and records that the learner opened it (the reply says so; no event). */
  'email:open': (emailId: string) => Email;
  /**
   * Returns the email without recording anything: the window reads the next
   * emails of the flow ahead of the learner, so opening them shows at once.
   */
  'email:read': (emailId: string) => Email;
  'groups:list': (courseId: string) => GroupView[];
  'group:add': (courseId: string, group: NewGroup) => GroupView[];
  'sources:list': () => SourceView[];
  /**
   * Syncs the scope. While a sync runs, a request joins it when it will still
   * fetch every source asked for, else runs right after it; either way the
   * reply is this request's own report (its sources only).
   */
  'sync:start': (scope: SyncScope) => SyncReport;
  'sync:status': () => SyncStatus;
  'sync:cancel': () => void;
  'notice:dismiss': (noticeId: string) => void;
  /** Opens an http(s) link in the learner's browser. */
  'link:open': (url: string) => void;
  /** Shows a file Studyline saved (a backup, a calendar) in the system's file manager. */
  'file:showInFolder': (path: string) => void;
  /** Puts text on the clipboard ("Copy question"). */
  'clipboard:write': (text: string) => void;
  'progress:get': (courseId: string) => CourseProgressView;
  /** What each of these plans would give (one request per change of the plan form). */
  'plan:preview': (courseId: string, inputs: PlanInput[]) => PlanPreviewResult[];
  'plan:set': (courseId: string, input: PlanInput) => CourseProgressView;
  'plan:pause': (courseId: string) => CourseProgressView;
  'plan:resume': (courseId: string) => CourseProgressView;
  'plan:catchUp': (courseId: string) => CourseProgressView;
  'email:setDone': (emailId: string, done: boolean) => EmailStateView;
  /** "Done up to here": this email and every earlier one; answers what changed, for an undo. */
  'email:setDoneUpTo': (emailId: string) => DoneUpTo;
  'email:setDoneMany': (emailIds: string[], done: boolean) => EmailStateView[];
  'email:setStarred': (emailId: string, starred: boolean) => EmailStateView;
  'email:setNote': (emailId: string, note: string) => EmailStateView;
  'agenda:get': (days: number) => Agenda;
  'reminders:get': () => RemindersView;
  'reminders:snooze': (choice: 'hour' | 'tomorrow') => AppSettings;
  'settings:get': () => AppSettings;
  'settings:set': (patch: SettingsPatch) => AppSettings;
  /** Asks where to save, then writes the course's plan as an .ics calendar. */
  'plan:exportIcs': (courseId: string) => SavedFile;
  'progress:export': () => SavedFile;
  /** Asks for a backup file, validates it, keeps a copy of the current data, then imports. */
  'progress:import': () => ImportReport | null;
  /** Full-text search over emails, notes and group posts. */
  'search:query': (request: SearchRequest) => SearchResults;
  /** Progress kept in step across computers: is it on, with which computers, any problem. */
  'share:status': () => ShareStatus;
  /** Main asks for a folder (its own dialog), then shares through it; null when cancelled. */
  'share:chooseFolder': () => ShareStatus | null;
  /** Shares through this folder (the same checks as `studyline share FOLDER`). */
  'share:set': (request: { folder: string }) => ShareStatus;
  /** Stops sharing (`studyline share --off`); what was shared stays in the folder. */
  'share:off': () => ShareStatus;
  /** Looks at the shared folder now. */
  'share:check': () => ShareStatus;
}

export interface SavedFile {
  /** Absent when the learner cancelled the save dialog. */
  path?: string;
}

/** The learner's own fields of an email that a change can touch. */
export type EmailField = 'done' | 'starred' | 'note' | 'opened';

export interface ProgressChange {
  courseId: string;
  emailIds: string[];
  fields: EmailField[];
}

export interface SettingsChange {
  fields: (keyof AppSettings)[];
  /** Set when the change concerns one course (its reminders on or off). */
  courseId?: string;
}

/** Every event names what changed; each change is told once. */
export interface Events {
  'sync:begin': SyncBegin;
  'sync:progress': { syncId: string; progress: SyncProgress };
  /** The end of a sync, told once: its report and what it changed in the library. */
  'sync:finish': SyncFinish;
  /** Courses followed or left, groups added, a backup imported, a notice dismissed. */
  'library:changed': LibraryChange;
  /** Done, star or note of these emails. */
  'progress:changed': ProgressChange;
  /** The course's plan: set, paused, resumed, caught up. */
  'plan:changed': { courseId: string };
  'settings:changed': SettingsChange;
  /** What sharing with the learner's other computers says now (told when it changes). */
  'share:changed': ShareStatus;
  /** A reminder was clicked: show this email (held by main until the window is ready). */
  'app:openEmail': { courseId: string; emailId: string };
}

export type RequestChannel = keyof Requests;
export type EventChannel = keyof Events;
export type RequestArgs<C extends RequestChannel> = Parameters<Requests[C]>;
export type Reply<C extends RequestChannel> = Awaited<ReturnType<Requests[C]>>;

/** Argument schemas, as tuples, for every request channel. */
export const requestArgs = {
  'app:ready': z.tuple([]),
  'catalog:get': z.tuple([]),
  'status:get': z.tuple([]),
  'courses:list': z.tuple([]),
  'course:follow': z.tuple([followTargetSchema]),
  'course:unfollow': z.tuple([id]),
  'emails:list': z.tuple([id]),
  'email:open': z.tuple([id]),
  'email:read': z.tuple([id]),
  'groups:list': z.tuple([id]),
  'group:add': z.tuple([id, newGroupSchema]),
  'sources:list': z.tuple([]),
  'sync:start': z.tuple([syncScopeSchema]),
  'sync:status': z.tuple([]),
  'sync:cancel': z.tuple([]),
  'notice:dismiss': z.tuple([id]),
  'link:open': z.tuple([httpUrl]),
  'file:showInFolder': z.tuple([z.string().min(1).max(4096)]),
  'clipboard:write': z.tuple([z.string().min(1).max(50_000)]),
  'progress:get': z.tuple([id]),
  'plan:preview': z.tuple([id, planInputsSchema]),
  'plan:set': z.tuple([id, planInputSchema]),
  'plan:pause': z.tuple([id]),
  'plan:resume': z.tuple([id]),
  'plan:catchUp': z.tuple([id]),
  'email:setDone': z.tuple([id, z.boolean()]),
  'email:setDoneUpTo': z.tuple([id]),
  'email:setDoneMany': z.tuple([z.array(id).max(10_000), z.boolean()]),
  'email:setStarred': z.tuple([id, z.boolean()]),
  'email:setNote': z.tuple([id, z.string().max(20_000)]),
  'agenda:get': z.tuple([z.number().int().min(1).max(366)]),
  'reminders:get': z.tuple([]),
  'reminders:snooze': z.tuple([z.enum(['hour', 'tomorrow'])]),
  'settings:get': z.tuple([]),
  'settings:set': z.tuple([settingsPatchSchema]),
  'plan:exportIcs': z.tuple([id]),
  'progress:export': z.tuple([]),
  'progress:import': z.tuple([]),
  'search:query': z.tuple([searchRequestSchema]),
  'share:status': z.tuple([]),
  'share:chooseFolder': z.tuple([]),
  'share:set': z.tuple([shareFolderSchema]),
  'share:off': z.tuple([]),
  'share:check': z.tuple([]),
} satisfies { [C in RequestChannel]: z.ZodType<RequestArgs<C>> };

export const REQUEST_CHANNELS = Object.keys(requestArgs) as RequestChannel[];
export const EVENT_CHANNELS: readonly EventChannel[] = [
  'sync:begin',
  'sync:progress',
  'sync:finish',
  'library:changed',
  'progress:changed',
  'plan:changed',
  'settings:changed',
  'share:changed',
  'app:openEmail',
];

type Listen = <E extends EventChannel>(
  event: E,
  listener: (payload: Events[E]) => void,
) => () => void;

/** What preload puts on window.studyline: every request answers its IpcResult, errors as data. */
export type StudylineBridge = {
  [C in RequestChannel]: (...args: RequestArgs<C>) => Promise<IpcResult<Reply<C>>>;
} & { on: Listen };

/**
 * What the window's code calls (renderer/lib/studyline-api.ts unwraps the
 * bridge): the value, or a thrown RequestError with the code and hint.
 */
export type StudylineApi = {
  [C in RequestChannel]: (...args: RequestArgs<C>) => Promise<Reply<C>>;
} & { on: Listen };

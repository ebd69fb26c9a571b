import { z } from 'zod';
import type {
  Agenda,
  AppSettings,
  CourseProgressView,
  EmailStateView,
  ImportReport,
  PlanInput,
  PlanPreview,
  RemindersView,
  Catalog,
  CourseView,
  Email,
  EmailSummary,
  GroupView,
  LibraryStatus,
  SourceView,
  SyncProgress,
  SyncReport,
} from './types';

/**
 * The one IPC contract. Every request the renderer may make (main answers it)
 * and every event main may push. Main validates arguments with `requestArgs`;
 * preload exposes exactly `REQUEST_CHANNELS` and `EVENT_CHANNELS`.
 */
export interface Requests {
  'catalog:get': () => Catalog;
  'status:get': () => LibraryStatus;
  'courses:list': () => CourseView[];
  'course:follow': (target: FollowTarget) => CourseView;
  'course:unfollow': (courseId: string) => void;
  'emails:list': (courseId: string) => EmailSummary[];
  /** Returns the email and records that the learner opened it. */
  'email:open': (emailId: string) => Email;
  'groups:list': (courseId: string) => GroupView[];
  'group:add': (courseId: string, group: NewGroup) => GroupView[];
  'sources:list': () => SourceView[];
  'sync:start': (scope: SyncScope) => SyncReport;
  'sync:cancel': () => void;
  'notice:dismiss': (noticeId: string) => void;
  /** Opens an http(s) link in the learner's browser. */
  'link:open': (url: string) => void;
  'progress:get': (courseId: string) => CourseProgressView;
  'plan:preview': (courseId: string, input: PlanInput) => PlanPreview;
  'plan:set': (courseId: string, input: PlanInput) => CourseProgressView;
  'plan:pause': (courseId: string) => CourseProgressView;
  'plan:resume': (courseId: string) => CourseProgressView;
  'plan:catchUp': (courseId: string) => CourseProgressView;
  'email:setDone': (emailId: string, done: boolean) => EmailStateView;
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
}

export interface SavedFile {
  /** Absent when the learner cancelled the save dialog. */
  path?: string;
}

export interface Events {
  'sync:progress': SyncProgress;
  'sync:finished': SyncReport;
  /** Courses whose emails changed; empty means any of them. */
  'library:changed': { courseIds: string[] };
  'progress:changed': { courseIds: string[] };
  /** A reminder was clicked: show this email. */
  'app:openEmail': { courseId: string; emailId: string };
}

export type RequestChannel = keyof Requests;
export type EventChannel = keyof Events;

const id = z.string().min(1).max(200);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates look like 2026-11-28.');
const paceSchema = z.union([
  z.object({ kind: z.literal('as-sent') }).strict(),
  z.object({ kind: z.literal('factor'), factor: z.number().finite() }).strict(),
  z.object({ kind: z.literal('per-week'), perWeek: z.number().finite() }).strict(),
]);
/** Shapes only: the core checks the values (impossible dates, pace 0…) with learner sentences. */
export const planInputSchema = z
  .object({
    startOn: isoDay,
    pace: paceSchema,
    studyDays: z.array(z.number().int()).max(7),
    remindAt: z.string().max(5),
    pauses: z
      .array(z.object({ from: isoDay, to: isoDay.optional() }).strict())
      .max(500)
      .optional(),
    catchUps: z
      .array(z.object({ on: isoDay, days: z.number().int() }).strict())
      .max(500)
      .optional(),
  })
  .strict();

export const settingsPatchSchema = z
  .object({
    syncEveryHours: z.number().int().min(0).max(168).optional(),
    theme: z.enum(['system', 'light', 'dark']).optional(),
    closeToTray: z.boolean().optional(),
    startAtLogin: z.boolean().optional(),
    remindersEnabled: z.boolean().optional(),
    courseReminders: z.object({ courseId: id, enabled: z.boolean() }).strict().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
const httpUrl = z
  .string()
  .max(4096)
  .refine((value) => /^https?:\/\//i.test(value), 'Only http(s) addresses are allowed.');

export const followTargetSchema = z.union([
  z.object({ sequenceId: id }).strict(),
  z.object({ url: z.string().min(1).max(4096) }).strict(),
]);
export type FollowTarget = z.infer<typeof followTargetSchema>;

export const newGroupSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    liveUrl: httpUrl,
    feedUrl: httpUrl.optional(),
    fallbackGroupId: id.optional(),
  })
  .strict();
export type NewGroup = z.infer<typeof newGroupSchema>;

export const syncScopeSchema = z
  .object({ courseId: id.optional(), sourceIds: z.array(id).max(500).optional() })
  .strict();
export type SyncScope = z.infer<typeof syncScopeSchema>;

/** Argument schemas, as tuples, for every request channel. */
export const requestArgs = {
  'catalog:get': z.tuple([]),
  'status:get': z.tuple([]),
  'courses:list': z.tuple([]),
  'course:follow': z.tuple([followTargetSchema]),
  'course:unfollow': z.tuple([id]),
  'emails:list': z.tuple([id]),
  'email:open': z.tuple([id]),
  'groups:list': z.tuple([id]),
  'group:add': z.tuple([id, newGroupSchema]),
  'sources:list': z.tuple([]),
  'sync:start': z.tuple([syncScopeSchema]),
  'sync:cancel': z.tuple([]),
  'notice:dismiss': z.tuple([id]),
  'link:open': z.tuple([httpUrl]),
  'progress:get': z.tuple([id]),
  'plan:preview': z.tuple([id, planInputSchema]),
  'plan:set': z.tuple([id, planInputSchema]),
  'plan:pause': z.tuple([id]),
  'plan:resume': z.tuple([id]),
  'plan:catchUp': z.tuple([id]),
  'email:setDone': z.tuple([id, z.boolean()]),
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
} satisfies { [C in RequestChannel]: z.ZodType<Parameters<Requests[C]>> };

export const REQUEST_CHANNELS = Object.keys(requestArgs) as RequestChannel[];
export const EVENT_CHANNELS: readonly EventChannel[] = [
  'sync:progress',
  'sync:finished',
  'library:changed',
  'progress:changed',
  'app:openEmail',
];

/** What preload puts on window.studyline. Every request returns a promise. */
export type StudylineApi = {
  [C in RequestChannel]: (
    ...args: Parameters<Requests[C]>
  ) => Promise<Awaited<ReturnType<Requests[C]>>>;
} & {
  on<E extends EventChannel>(event: E, listener: (payload: Events[E]) => void): () => void;
};

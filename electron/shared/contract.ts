import { z } from 'zod';
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
}

export interface Events {
  'sync:progress': SyncProgress;
  'sync:finished': SyncReport;
  'library:changed': { courseIds: string[] };
}

export type RequestChannel = keyof Requests;
export type EventChannel = keyof Events;

const id = z.string().min(1).max(200);
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
} satisfies { [C in RequestChannel]: z.ZodType<Parameters<Requests[C]>> };

export const REQUEST_CHANNELS = Object.keys(requestArgs) as RequestChannel[];
export const EVENT_CHANNELS: readonly EventChannel[] = [
  'sync:progress',
  'sync:finished',
  'library:changed',
];

/** What preload puts on window.studyline. Every request returns a promise. */
export type StudylineApi = {
  [C in RequestChannel]: (...args: Parameters<Requests[C]>) => Promise<Awaited<ReturnType<Requests[C]>>>;
} & {
  on<E extends EventChannel>(event: E, listener: (payload: Events[E]) => void): () => void;
};

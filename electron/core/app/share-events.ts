import type { EmailField, EventChannel, Events } from '../../shared/contract';
import type { AppSettings, Course } from '../../shared/types';
import type { SharedKey } from '../share/shared-keys';
import type { Emit } from './emit';
import { sourceIdOfEmail, sourcesOfCourses } from './library-views';

/** One event of the contract with its payload, as the core tells it to main. */
export type CoreEvent = { [E in EventChannel]: { event: E; payload: Events[E] } }[EventChannel];

const FIELDS = { o: 'opened', d: 'done', n: 'note', s: 'starred' } as const satisfies Record<
  string,
  EmailField
>;

interface EmailChanges {
  emailIds: Set<string>;
  fields: Set<EmailField>;
}

/**
 * What the learner's other computers changed here, as the events the window
 * already understands: marks per course (naming the emails and fields),
 * plans, followed courses and settings. Emails of a course not followed here
 * show nowhere, so they are not told.
 */
export function eventsOfShared(
  taken: readonly SharedKey[],
  courses: readonly Course[],
): CoreEvent[] {
  const courseOfSource = new Map(courses.map((course) => [course.archiveSourceId, course.id]));
  const marks = new Map<string, EmailChanges>();
  const plans = new Set<string>();
  const followed = new Set<string>();
  const settings = new Set<keyof AppSettings>();
  const reminderCourses = new Set<string>();
  for (const key of taken) {
    switch (key.kind) {
      case 'email': {
        const courseId = courseOfSource.get(sourceIdOfEmail(key.emailId));
        if (courseId === undefined) break;
        const changes = marks.get(courseId) ?? { emailIds: new Set(), fields: new Set() };
        changes.emailIds.add(key.emailId);
        changes.fields.add(FIELDS[key.field]);
        marks.set(courseId, changes);
        break;
      }
      case 'plan':
        plans.add(key.courseId);
        break;
      case 'course':
        followed.add(key.courseId);
        break;
      case 'setting':
        settings.add(key.name);
        break;
      case 'reminders-off':
        reminderCourses.add(key.courseId);
        settings.add('reminders');
        break;
      case 'reminders':
        settings.add('reminders');
        break;
    }
  }
  return [
    ...libraryEvents(followed, courses),
    ...[...marks].map(([courseId, { emailIds, fields }]): CoreEvent => ({
      event: 'progress:changed',
      payload: { courseId, emailIds: [...emailIds], fields: [...fields] },
    })),
    ...[...plans].map((courseId): CoreEvent => ({ event: 'plan:changed', payload: { courseId } })),
    ...settingsEvents(settings, reminderCourses),
  ];
}

function libraryEvents(followed: ReadonlySet<string>, courses: readonly Course[]): CoreEvent[] {
  if (followed.size === 0) return [];
  // A course left on another computer is gone here already: only its id is known.
  const sourceIds = sourcesOfCourses(courses.filter((course) => followed.has(course.id))).map(
    (source) => source.id,
  );
  return [{ event: 'library:changed', payload: { courseIds: [...followed], sourceIds } }];
}

function settingsEvents(
  fields: ReadonlySet<keyof AppSettings>,
  reminderCourses: ReadonlySet<string>,
): CoreEvent[] {
  if (fields.size === 0) return [];
  const [onlyCourse] = reminderCourses;
  // The event names a course only when the change concerns that one course alone.
  const courseId =
    fields.size === 1 && reminderCourses.size === 1 && onlyCourse !== undefined
      ? onlyCourse
      : undefined;
  return [
    {
      event: 'settings:changed',
      payload: courseId ? { fields: [...fields], courseId } : { fields: [...fields] },
    },
  ];
}

/** Hands one event to an Emit: the union keeps each name with its payload, which TS cannot follow. */
export function emitEvent(emit: Emit, { event, payload }: CoreEvent): void {
  (emit as (event: EventChannel, payload: unknown) => void)(event, payload);
}

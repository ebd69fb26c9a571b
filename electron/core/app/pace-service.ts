import type {
  Course,
  CourseProgressView,
  EmailStateView,
  PlanPreview,
  RemindersView,
} from '../../shared/types';
import { StudylineError } from '../errors';
import type { LibraryStore } from '../library/library-store';
import type { EmailState, SourceFile } from '../library/model';
import type { ProgressStore } from '../library/progress-store';
import { buildAgenda, type Agenda } from '../pace/agenda';
import { daysBetween } from '../pace/calendar-date';
import { defaultPlan, type Plan, type PlanInput, type SequenceEmail } from '../pace/model';
import { catchUp, pause, resume } from '../pace/plan-ops';
import { courseStatus, planCourse } from '../pace/status';
import { validatePlanInput } from '../pace/validate-plan';
import { localDateOf, makeClock, todayOf, type Clock } from '../pace/zoned-time';
import { planReminders } from '../reminders/reminder-planner';
import type { ReminderCourse, ShownReminder } from '../reminders/model';
import { pruneShown, snooze } from '../reminders/snooze';
import { icsFileName, toIcs } from '../transfer/ics';
import { requireCourse } from './courses';
import { inSequenceOrder, sourceIdOfEmail } from './library-views';

export interface PaceDeps {
  library: LibraryStore;
  progress: ProgressStore;
  now: () => Date;
  zone?: string;
}

/** The learner's calendar "now": the zone is read on every call, so a zone change is seen. */
export function clockOf(deps: PaceDeps): Clock {
  return makeClock(deps.now().toISOString(), deps.zone);
}

/** The sequence as the planner sees it: original send days, in send order. */
export async function sequenceOf(library: LibraryStore, course: Course): Promise<SequenceEmail[]> {
  const file = await library.get(course.archiveSourceId);
  return inSequenceOrder(file?.items ?? []).map((item, index) => ({
    id: item.id,
    order: index + 1,
    sentOn: (item.sentAt ?? item.firstSeenAt).slice(0, 10),
    title: item.title,
    link: item.link,
  }));
}

/** A course followed before it had a plan starts on the day it was followed. */
export function planOf(deps: PaceDeps, course: Course): Plan {
  return (
    deps.progress.data.plans[course.id] ??
    defaultPlan(localDateOf(course.followedAt, clockOf(deps).zone))
  );
}

export async function progressView(
  deps: PaceDeps,
  courseId: string,
  plan?: Plan,
): Promise<CourseProgressView> {
  const course = requireCourse(deps, courseId);
  const thePlan = plan ?? planOf(deps, course);
  const emails = await sequenceOf(deps.library, course);
  const { schedule, status } = planCourse(
    thePlan,
    emails,
    deps.progress.data.emails,
    clockOf(deps),
  );
  const dueOn: Record<string, string> = {};
  for (const email of schedule.emails) dueOn[email.id] = email.dueOn;
  return { courseId, plan: thePlan, status, dueOn };
}

export async function previewPlan(
  deps: PaceDeps,
  courseId: string,
  input: PlanInput,
): Promise<PlanPreview> {
  const plan = validatePlanInput(input);
  const view = await progressView(deps, courseId, plan);
  const dues = Object.values(view.dueOn).sort();
  const finish = view.status.plannedFinishOn;
  return {
    plannedFinishOn: finish,
    firstDueOn: dues[0],
    weeks: finish ? Math.max(1, Math.ceil((daysBetween(plan.startOn, finish) + 1) / 7)) : 0,
    emails: view.status.total,
  };
}

/** Saves a new plan (validated first: a bad one changes nothing). */
export async function savePlan(
  deps: PaceDeps,
  courseId: string,
  plan: Plan,
): Promise<CourseProgressView> {
  requireCourse(deps, courseId);
  await deps.progress.update((draft) => {
    draft.plans[courseId] = plan;
  });
  return progressView(deps, courseId);
}

export async function changePlan(
  deps: PaceDeps,
  courseId: string,
  change: 'pause' | 'resume' | 'catch-up',
): Promise<CourseProgressView> {
  const course = requireCourse(deps, courseId);
  const clock = clockOf(deps);
  const plan = planOf(deps, course);
  const today = todayOf(clock);
  const next =
    change === 'pause'
      ? pause(plan, today)
      : change === 'resume'
        ? resume(plan, today)
        : catchUp(plan, await sequenceOf(deps.library, course), deps.progress.data.emails, clock);
  return savePlan(deps, courseId, next);
}

/**
 * Email ids per library file, so recording progress costs the same in a
 * 10,000-email library as in a small one. The library hands out a new file
 * object on every save, so an index never goes stale.
 */
const EMAIL_IDS = new WeakMap<SourceFile, Set<string>>();

function emailIdsOf(file: SourceFile): Set<string> {
  let ids = EMAIL_IDS.get(file);
  if (!ids) EMAIL_IDS.set(file, (ids = new Set(file.items.map((item) => item.id))));
  return ids;
}

/** Finds the course of an email without reading the library when it can. */
async function requireEmail(deps: PaceDeps, emailId: string): Promise<void> {
  const sourceId = sourceIdOfEmail(emailId);
  const course = deps.progress.data.courses.find((c) => c.archiveSourceId === sourceId);
  const file = course ? await deps.library.get(sourceId) : undefined;
  if (!file || !emailIdsOf(file).has(emailId)) {
    throw new StudylineError('not-found', `There is no email "${emailId}" in your library.`, {
      hint: "List a course's emails to see their ids.",
    });
  }
}

export async function updateEmailState(
  deps: PaceDeps,
  emailId: string,
  change: (state: EmailState, nowIso: string) => EmailState,
): Promise<EmailStateView> {
  await requireEmail(deps, emailId);
  const nowIso = deps.now().toISOString();
  // Read and set in one turn: two changes to the same email at once (done, then a note) both count.
  const next = change({ ...deps.progress.data.emails[emailId] }, nowIso);
  const state = (await deps.progress.setEmailState(emailId, next)) ?? {};
  return {
    emailId,
    opened: Boolean(state.openedAt),
    done: Boolean(state.doneAt),
    starred: Boolean(state.starred),
    note: state.note,
  };
}

export function withDone(done: boolean) {
  return (state: EmailState, nowIso: string): EmailState => {
    const { doneAt: _doneAt, ...rest } = state;
    // Done implies opened: the learner has read it.
    return done
      ? { ...rest, openedAt: state.openedAt ?? nowIso, doneAt: state.doneAt ?? nowIso }
      : rest;
  };
}

export async function agenda(deps: PaceDeps, days: number): Promise<Agenda> {
  const clock = clockOf(deps);
  const courses = [];
  for (const course of deps.progress.data.courses) {
    const emails = await sequenceOf(deps.library, course);
    const { schedule } = planCourse(planOf(deps, course), emails, deps.progress.data.emails, clock);
    courses.push({ courseId: course.id, title: course.title, schedule });
  }
  return buildAgenda(courses, todayOf(clock), days);
}

export async function reminders(deps: PaceDeps): Promise<RemindersView> {
  const clock = clockOf(deps);
  const courses: ReminderCourse[] = [];
  let dueCount = 0;
  for (const course of deps.progress.data.courses) {
    const emails = await sequenceOf(deps.library, course);
    const plan = planOf(deps, course);
    const states = deps.progress.data.emails;
    courses.push({ courseId: course.id, title: course.title, plan, emails, states });
    const status = courseStatus(plan, emails, states, clock);
    if (!status.paused) dueCount += status.dueNow;
  }
  const { settings, shown } = deps.progress.data.reminders;
  const plan = planReminders({ courses, settings, shown, now: clock.now, zone: clock.zone });
  return { ...plan, dueCount };
}

export async function markShown(deps: PaceDeps, records: ShownReminder[]): Promise<void> {
  const today = todayOf(clockOf(deps));
  await deps.progress.update((draft) => {
    const keys = new Set(records.map((r) => r.key));
    const kept = draft.reminders.shown.filter((r) => !keys.has(r.key));
    draft.reminders.shown = pruneShown([...kept, ...records], today);
  });
}

export async function snoozeReminders(
  deps: PaceDeps,
  choice: 'hour' | 'tomorrow',
  reminderKey?: string,
): Promise<void> {
  const clock = clockOf(deps);
  await deps.progress.update((draft) => {
    const next = snooze(
      draft.reminders.settings,
      draft.reminders.shown,
      choice,
      clock,
      reminderKey,
    );
    draft.reminders = { settings: next.settings, shown: next.shown };
  });
}

export async function exportIcs(
  deps: PaceDeps,
  courseId: string,
): Promise<{ fileName: string; text: string }> {
  const course = requireCourse(deps, courseId);
  const emails = await sequenceOf(deps.library, course);
  const { schedule } = planCourse(
    planOf(deps, course),
    emails,
    deps.progress.data.emails,
    clockOf(deps),
  );
  return {
    fileName: icsFileName(course.title),
    text: toIcs(course.title, schedule, { now: deps.now().toISOString() }),
  };
}

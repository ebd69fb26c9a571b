import type {
  Course,
  CourseProgressView,
  EmailMarks,
  EmailStateView,
  PlanPreview,
  PlanPreviewResult,
} from '../../shared/types';
import { StudylineError } from '../errors';
import type { LibraryStore } from '../library/library-store';
import type { EmailState, SourceFile } from '../library/model';
import type { ProgressStore } from '../library/progress-store';
import { daysBetween } from '../pace/calendar-date';
import { defaultPlan, type Plan, type PlanInput, type SequenceEmail } from '../pace/model';
import { catchUp, pause, resume } from '../pace/plan-ops';
import { planCourse } from '../pace/status';
import { validatePlanInput } from '../pace/validate-plan';
import { localDateOf, makeClock, todayOf, type Clock } from '../pace/zoned-time';
import { requireCourse } from './courses';
import { archiveGapOf, inSequenceOrder, sourceIdOfEmail } from './library-views';

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
  const view = viewOf(
    deps,
    course,
    plan ?? planOf(deps, course),
    await sequenceOf(deps.library, course),
  );
  // Numbers and due dates of an incomplete archive may move once the missing emails are in.
  const provisional = archiveGapOf(await deps.library.get(course.archiveSourceId)) !== undefined;
  return provisional ? { ...view, provisional } : view;
}

function viewOf(
  deps: PaceDeps,
  course: Course,
  plan: Plan,
  emails: SequenceEmail[],
): CourseProgressView {
  const states = deps.progress.data.emails;
  const { schedule, status } = planCourse(plan, emails, states, clockOf(deps));
  const dueOn: Record<string, string> = {};
  const weekOf: Record<string, number> = {};
  const marks: Record<string, EmailMarks> = {};
  for (const email of schedule.emails) {
    dueOn[email.id] = email.dueOn;
    weekOf[email.id] = email.week;
    if (email.opened || email.done || email.starred) {
      marks[email.id] = { opened: email.opened, done: email.done, starred: email.starred };
    }
  }
  return { courseId: course.id, plan, status, dueOn, weekOf, marks };
}

function previewOf(deps: PaceDeps, course: Course, input: PlanInput, emails: SequenceEmail[]) {
  const plan = validatePlanInput(input);
  const view = viewOf(deps, course, plan, emails);
  const dues = Object.values(view.dueOn).sort();
  const finish = view.status.plannedFinishOn;
  return {
    plannedFinishOn: finish,
    firstDueOn: dues[0],
    weeks: finish ? Math.max(1, Math.ceil((daysBetween(plan.startOn, finish) + 1) / 7)) : 0,
    emails: view.status.total,
  };
}

export async function previewPlan(
  deps: PaceDeps,
  courseId: string,
  input: PlanInput,
): Promise<PlanPreview> {
  const course = requireCourse(deps, courseId);
  return previewOf(deps, course, input, await sequenceOf(deps.library, course));
}

/** Every choice of the plan form in one go: the sequence is read once; an impossible plan says why. */
export async function previewPlans(
  deps: PaceDeps,
  courseId: string,
  inputs: PlanInput[],
): Promise<PlanPreviewResult[]> {
  const course = requireCourse(deps, courseId);
  const emails = await sequenceOf(deps.library, course);
  return inputs.map((input) => {
    try {
      return { preview: previewOf(deps, course, input, emails) };
    } catch (error) {
      if (!(error instanceof StudylineError)) throw error;
      return { error: { code: error.code, message: error.message, hint: error.hint } };
    }
  });
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
async function requireEmail(deps: PaceDeps, emailId: string): Promise<Course> {
  const sourceId = sourceIdOfEmail(emailId);
  const course = deps.progress.data.courses.find((c) => c.archiveSourceId === sourceId);
  const file = course ? await deps.library.get(sourceId) : undefined;
  if (!file || !emailIdsOf(file).has(emailId)) {
    throw new StudylineError('not-found', `There is no email "${emailId}" in your library.`, {
      hint: "List a course's emails to see their ids.",
    });
  }
  return course!;
}

export async function updateEmailState(
  deps: PaceDeps,
  emailId: string,
  change: (state: EmailState, nowIso: string) => EmailState,
): Promise<EmailStateView> {
  const course = await requireEmail(deps, emailId);
  const nowIso = deps.now().toISOString();
  // Read and set in one turn: two changes to the same email at once (done, then a note) both count.
  const next = change({ ...deps.progress.data.emails[emailId] }, nowIso);
  const state = (await deps.progress.setEmailState(emailId, next)) ?? {};
  return {
    emailId,
    courseId: course.id,
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

import type { DoneUpTo, EmailStateView } from '../../shared/types';
import { StudylineError } from '../errors';
import type { EmailState } from '../library/model';
import { sourceIdOfEmail } from './library-views';
import { sequenceOf, withDone, type PaceDeps } from './pace-service';

function noSuchEmail(emailId: string): StudylineError {
  return new StudylineError('not-found', `There is no email "${emailId}" in your library.`, {
    hint: "List a course's emails to see their ids.",
  });
}

function viewOf(emailId: string, courseId: string, state: EmailState | undefined): EmailStateView {
  return {
    emailId,
    courseId,
    opened: Boolean(state?.openedAt),
    done: Boolean(state?.doneAt),
    starred: Boolean(state?.starred),
    note: state?.note,
  };
}

/** The followed course an email belongs to, and its emails in sequence order. */
async function courseOfEmail(deps: PaceDeps, emailId: string) {
  const sourceId = sourceIdOfEmail(emailId);
  const course = deps.progress.data.courses.find((c) => c.archiveSourceId === sourceId);
  const sequence = course ? await sequenceOf(deps.library, course) : [];
  if (!course || !sequence.some((email) => email.id === emailId)) throw noSuchEmail(emailId);
  return { course, sequence };
}

/**
 * Sets several emails in one go: every change is applied in the same turn, so
 * they share one journal append; if it cannot be written none of them stays.
 */
async function setMany(
  deps: PaceDeps,
  emails: readonly { emailId: string; courseId: string }[],
  done: boolean,
) {
  const nowIso = deps.now().toISOString();
  const change = withDone(done);
  const writes = emails.map(({ emailId }) =>
    deps.progress.setEmailState(emailId, change({ ...deps.progress.data.emails[emailId] }, nowIso)),
  );
  const states = await Promise.all(writes);
  return emails.map(({ emailId, courseId }, index) => viewOf(emailId, courseId, states[index]));
}

/**
 * "Done up to here": the learner who already studied the first emails
 * elsewhere marks this one and every earlier one done at once. Answers the
 * emails it changed (those already done keep their day), so it can be undone.
 */
export async function setDoneUpTo(deps: PaceDeps, emailId: string): Promise<DoneUpTo> {
  const { course, sequence } = await courseOfEmail(deps, emailId);
  const upTo = sequence.findIndex((email) => email.id === emailId);
  const open = sequence
    .slice(0, upTo + 1)
    .map((email) => email.id)
    .filter((id) => !deps.progress.data.emails[id]?.doneAt);
  await setMany(
    deps,
    open.map((id) => ({ emailId: id, courseId: course.id })),
    true,
  );
  return { courseId: course.id, emailIds: open };
}

/** Done or not done for several emails of the library (the undo of "done up to here"). */
export async function setDoneMany(
  deps: PaceDeps,
  emailIds: readonly string[],
  done: boolean,
): Promise<EmailStateView[]> {
  const emails = [];
  for (const emailId of new Set(emailIds)) {
    emails.push({ emailId, courseId: (await courseOfEmail(deps, emailId)).course.id });
  }
  return setMany(deps, emails, done);
}

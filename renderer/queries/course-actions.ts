import type { NewGroup as NewGroupInput } from '../../electron/shared/contract';
import type { CourseView, EmailSummary, GroupView } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { focusSomewhereSensible } from '../lib/focus';
import { studyline } from '../lib/studyline-api';
import { useUiStore } from '../stores/useUiStore';
import { useUndoStore } from '../stores/useUndoStore';

/**
 * Course management from the window, each big change with an Undo: stop
 * following a course, mark every email up to one done, add the learner's own
 * group. The core's events (library:changed, progress:changed) re-read what
 * changed (events.ts), so nothing is reloaded by hand here.
 */

const ui = () => useUiStore.getState().actions;

/** Stops following; answers why not when the core refused. Progress stays (and stays in backups). */
export async function unfollowCourse(course: CourseView): Promise<string | undefined> {
  try {
    await studyline()['course:unfollow'](course.id);
  } catch (error) {
    return errorText(error);
  }
  useUndoStore.getState().actions.offer({
    message: `You stopped following ${course.title}. Your progress is kept.`,
    takeFocus: true,
    // Following it again brings back the same course, groups and plan, without the network.
    undo: async () => {
      try {
        const again = await studyline()['course:follow']({ url: course.archiveUrl });
        ui().setActiveCourse(again.id);
        ui().show('library');
        return undefined;
      } catch (error) {
        return errorText(error);
      }
    },
  });
  return undefined;
}

/** "Done up to here": this email and every earlier one, with an Undo of exactly what changed. */
export async function markDoneUpTo(email: Pick<EmailSummary, 'id' | 'order'>): Promise<void> {
  let changed: string[];
  try {
    changed = (await studyline()['email:setDoneUpTo'](email.id)).emailIds;
  } catch (error) {
    ui().setMarkError(errorText(error));
    return;
  }
  const count = changed.length;
  if (count === 0) {
    ui().announce(`Every email up to #${email.order} was done already.`);
    return;
  }
  // The button goes once nothing earlier is left to do: reading goes on in the reader.
  focusSomewhereSensible();
  useUndoStore.getState().actions.offer({
    message: `Marked ${count} email${count === 1 ? '' : 's'} done, up to #${email.order}.`,
    undo: async () => {
      try {
        await studyline()['email:setDoneMany'](changed, false);
        return undefined;
      } catch (error) {
        return errorText(error);
      }
    },
  });
}

/** Adds the learner's own study group (checked by the core like `add-group`); the core's sentence when refused. */
export async function addOwnGroup(
  courseId: string,
  group: NewGroupInput,
): Promise<{ groups?: GroupView[]; problem?: string }> {
  try {
    return { groups: await studyline()['group:add'](courseId, group) };
  } catch (error) {
    return { problem: errorText(error) };
  }
}

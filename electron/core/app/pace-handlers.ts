import type { RequestChannel } from '../../shared/contract';
import type { CourseProgressView } from '../../shared/types';
import type { StudylineCore } from './core-api';
import type { HandlerDeps, RequestHandlers } from './request-handlers';

type PaceChannel = Extract<
  RequestChannel,
  | `plan:${string}`
  | `progress:${string}`
  | `email:set${string}`
  | `reminders:${string}`
  | `settings:${string}`
  | 'agenda:get'
>;

/** Requests of the "own pace" part; each change tells main to re-plan reminders. */
export function paceHandlers(
  core: StudylineCore,
  deps: HandlerDeps,
): Pick<RequestHandlers, PaceChannel> {
  const changed =
    <T>(courseIds: string[]) =>
    (value: T): T => {
      deps.emit('progress:changed', { courseIds });
      deps.onProgressChanged?.();
      return value;
    };
  const planChange = (courseId: string, run: Promise<CourseProgressView>) =>
    run.then(changed([courseId]));
  return {
    'progress:get': (courseId) => core.progress(courseId),
    'plan:preview': (courseId, input) => core.previewPlan(courseId, input),
    'plan:set': (courseId, input) => planChange(courseId, core.setPlan(courseId, input)),
    'plan:pause': (courseId) => planChange(courseId, core.pause(courseId)),
    'plan:resume': (courseId) => planChange(courseId, core.resume(courseId)),
    'plan:catchUp': (courseId) => planChange(courseId, core.catchUp(courseId)),
    'email:setDone': (emailId, done) => core.setDone(emailId, done).then(changed([])),
    'email:setStarred': (emailId, starred) => core.setStarred(emailId, starred).then(changed([])),
    'email:setNote': (emailId, note) => core.setNote(emailId, note).then(changed([])),
    'agenda:get': (days) => core.agenda(days),
    'reminders:get': () => core.reminders(),
    'reminders:snooze': (choice) => core.snoozeReminders(choice).then(changed([])),
    'settings:get': async () => core.settings(),
    'settings:set': (patch) => core.updateSettings(patch).then(changed([])),
    'plan:exportIcs': async (courseId) => {
      const file = await core.exportIcs(courseId);
      return { path: await deps.saveFile(file.fileName, file.text, 'ics') };
    },
    'progress:export': async () => {
      const file = await core.exportProgress();
      return { path: await deps.saveFile(file.fileName, file.text, 'json') };
    },
    'progress:import': async () => {
      const text = await deps.openTextFile('json');
      if (text === undefined) return null;
      const report = await core.importProgress(text);
      deps.emit('library:changed', { courseIds: [] });
      return changed<typeof report>([])(report);
    },
  };
}

import type { RequestChannel, SettingsPatch } from '../../shared/contract';
import type { AppSettings, CourseProgressView, EmailStateView } from '../../shared/types';
import type { EmailField } from '../../shared/contract';
import type { StudylineCore } from './core-api';
import type { CoreHandlers, HandlerDeps } from './request-handlers';

type PaceChannel = Extract<
  RequestChannel,
  | `plan:${string}`
  | `progress:${string}`
  | `email:set${string}`
  | `reminders:${string}`
  | `settings:${string}`
  | 'agenda:get'
>;

/** The settings a patch touches, as the `settings:changed` event names them. */
function fieldsOf(patch: SettingsPatch): (keyof AppSettings)[] {
  const fields = new Set<keyof AppSettings>();
  for (const key of Object.keys(patch) as (keyof SettingsPatch)[]) {
    if (patch[key] === undefined) continue;
    fields.add(key === 'remindersEnabled' || key === 'courseReminders' ? 'reminders' : key);
  }
  return [...fields];
}

const ALL_SETTINGS: (keyof AppSettings)[] = [
  'syncEveryHours',
  'theme',
  'closeToTray',
  'startAtLogin',
  'readingFontSize',
  'readingWidth',
  'reminders',
];

/** Requests of the "own pace" part; each change is told once, naming its course or setting. */
export function paceHandlers(
  core: StudylineCore,
  deps: HandlerDeps,
  /** Notes a file Studyline wrote (the copy kept before an import), so it can be shown. */
  remember: (path: string) => void = () => {},
): Pick<CoreHandlers, PaceChannel> {
  const { emit } = deps;
  const planChange = async (courseId: string, run: Promise<CourseProgressView>) => {
    const view = await run;
    emit('plan:changed', { courseId });
    return view;
  };
  const emailChange = async (field: EmailField, run: Promise<EmailStateView>) => {
    const view = await run;
    emit('progress:changed', {
      courseId: view.courseId,
      emailIds: [view.emailId],
      fields: [field],
    });
    return view;
  };
  return {
    'progress:get': (courseId) => core.progress(courseId),
    'plan:preview': (courseId, inputs) => core.previewPlans(courseId, inputs),
    'plan:set': (courseId, input) => planChange(courseId, core.setPlan(courseId, input)),
    'plan:pause': (courseId) => planChange(courseId, core.pause(courseId)),
    'plan:resume': (courseId) => planChange(courseId, core.resume(courseId)),
    'plan:catchUp': (courseId) => planChange(courseId, core.catchUp(courseId)),
    'email:setDone': (emailId, done) => emailChange('done', core.setDone(emailId, done)),
    'email:setStarred': (emailId, starred) =>
      emailChange('starred', core.setStarred(emailId, starred)),
    'email:setNote': (emailId, note) => emailChange('note', core.setNote(emailId, note)),
    'email:setDoneUpTo': async (emailId) => {
      const result = await core.setDoneUpTo(emailId);
      if (result.emailIds.length > 0) {
        emit('progress:changed', { ...result, fields: ['done'] });
      }
      return result;
    },
    'email:setDoneMany': async (emailIds, done) => {
      const views = await core.setDoneMany(emailIds, done);
      for (const courseId of new Set(views.map((v) => v.courseId))) {
        const ids = views.filter((v) => v.courseId === courseId).map((v) => v.emailId);
        emit('progress:changed', { courseId, emailIds: ids, fields: ['done'] });
      }
      return views;
    },
    'agenda:get': (days) => core.agenda(days),
    'reminders:get': () => core.reminders(),
    'reminders:snooze': async (choice) => {
      const settings = await core.snoozeReminders(choice);
      emit('settings:changed', { fields: ['reminders'] });
      return settings;
    },
    'settings:get': async () => core.settings(),
    'settings:set': async (patch) => {
      const settings = await core.updateSettings(patch);
      const courseId = patch.courseReminders?.courseId;
      emit(
        'settings:changed',
        courseId ? { fields: fieldsOf(patch), courseId } : { fields: fieldsOf(patch) },
      );
      return settings;
    },
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
      // A backup can bring courses, plans, marks and settings: every course is re-read.
      remember(report.backupPath);
      const courses = await core.courses();
      emit('library:changed', {
        courseIds: courses.map((c) => c.id),
        sourceIds: core.sourceIdsFor({}),
      });
      emit('settings:changed', { fields: ALL_SETTINGS });
      return report;
    },
  };
}

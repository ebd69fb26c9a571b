import type { PlanInput } from '../pace/model';
import { validatePlanInput } from '../pace/validate-plan';
import type { StudylineCore } from './core-api';
import { setDoneMany, setDoneUpTo } from './done-up-to';
import * as due from './due-service';
import * as pace from './pace-service';
import { settingsOf, updateSettings } from './settings-service';

type PaceMethods = Pick<
  StudylineCore,
  | 'progress'
  | 'previewPlan'
  | 'previewPlans'
  | 'setPlan'
  | 'pause'
  | 'resume'
  | 'catchUp'
  | 'setDone'
  | 'setDoneUpTo'
  | 'setDoneMany'
  | 'setStarred'
  | 'setNote'
  | 'agenda'
  | 'reminders'
  | 'markRemindersShown'
  | 'snoozeReminders'
  | 'settings'
  | 'updateSettings'
  | 'exportIcs'
>;

/** The "own pace" half of the core: plans, progress per email, reminders, settings. */
export function paceMethods(deps: pace.PaceDeps): PaceMethods {
  return {
    progress: (courseId) => pace.progressView(deps, courseId),
    previewPlan: (courseId, input) => pace.previewPlan(deps, courseId, input),
    previewPlans: (courseId, inputs) => pace.previewPlans(deps, courseId, inputs),
    setPlan: async (courseId, input: PlanInput) =>
      pace.savePlan(deps, courseId, validatePlanInput(input)),
    pause: (courseId) => pace.changePlan(deps, courseId, 'pause'),
    resume: (courseId) => pace.changePlan(deps, courseId, 'resume'),
    catchUp: (courseId) => pace.changePlan(deps, courseId, 'catch-up'),
    setDone: (emailId, done) => pace.updateEmailState(deps, emailId, pace.withDone(done)),
    setDoneUpTo: (emailId) => setDoneUpTo(deps, emailId),
    setDoneMany: (emailIds, done) => setDoneMany(deps, emailIds, done),
    setStarred: (emailId, starred) =>
      pace.updateEmailState(deps, emailId, (state) => {
        const { starred: _starred, ...rest } = state;
        return starred ? { ...rest, starred: true } : rest;
      }),
    setNote: (emailId, note) =>
      pace.updateEmailState(deps, emailId, (state) => {
        const { note: _note, ...rest } = state;
        const text = note.trim();
        return text ? { ...rest, note: text } : rest;
      }),
    agenda: (days) => due.agenda(deps, days),
    reminders: () => due.reminders(deps),
    markRemindersShown: (records) => due.markShown(deps, records),
    snoozeReminders: async (choice, key) => {
      await due.snoozeReminders(deps, choice, key);
      return settingsOf(deps.progress.data);
    },
    settings: () => settingsOf(deps.progress.data),
    updateSettings: (patch) => updateSettings(deps.progress, patch),
    exportIcs: (courseId) => due.exportIcs(deps, courseId),
  };
}

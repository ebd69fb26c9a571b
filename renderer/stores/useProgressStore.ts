import { create } from 'zustand';
import type { CourseProgressView, PlanInput, PlanPreviewResult } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { caughtUpText } from '../lib/progress-text';
import { studyline } from '../lib/studyline-api';
import { writesPending } from './pending-writes';
import type { ListState } from './useReaderStore';

type PlanChange = 'pause' | 'resume' | 'catch-up';

interface ProgressState {
  courseId?: string;
  view?: CourseProgressView;
  state: ListState;
  error?: string;
  /** A change in flight (pause, resume, catch up), so its button can wait. */
  busy?: PlanChange;
  /** A change the core refused, in the learner's words. */
  actionError?: string;
  /** What the last change did, for the live region. */
  announcement?: string;
  actions: {
    load: (courseId: string, options?: { quiet?: boolean }) => Promise<void>;
    change: (change: PlanChange) => Promise<void>;
    /** Saves a plan; answers the core's sentence when it refused it (nothing is changed then). */
    savePlan: (courseId: string, input: PlanInput) => Promise<string | undefined>;
    /** What each plan would give, or why it is impossible. */
    preview: (courseId: string, inputs: PlanInput[]) => Promise<PlanPreviewResult[]>;
    clearMessages: () => void;
  };
}

const CHANGE_CHANNEL = {
  pause: 'plan:pause',
  resume: 'plan:resume',
  'catch-up': 'plan:catchUp',
} as const;

function announce(change: PlanChange, view: CourseProgressView): string {
  if (change === 'pause') return 'Plan paused. Your due dates wait for you.';
  if (change === 'resume')
    return 'Resumed. Emails not done yet moved later by the length of your break.';
  return caughtUpText(view.status);
}

export const useProgressStore = create<ProgressState>()((set, get) => ({
  state: 'idle',
  actions: {
    async load(courseId, options = {}) {
      const switching = get().courseId !== courseId;
      if (switching) {
        set({ courseId, view: undefined, actionError: undefined, announcement: undefined });
      }
      if (switching || !options.quiet) set({ state: 'loading', error: undefined });
      try {
        const view = await studyline()['progress:get'](courseId);
        // A mark still being saved would make this answer stale; its own re-read follows.
        if (get().courseId !== courseId || (options.quiet && writesPending())) return;
        set({ view, state: 'ready', error: undefined });
      } catch (error) {
        if (get().courseId === courseId) set({ state: 'error', error: errorText(error) });
      }
    },
    async change(change) {
      const { courseId } = get();
      if (!courseId || get().busy) return;
      set({ busy: change, actionError: undefined, announcement: undefined });
      try {
        const view = await studyline()[CHANGE_CHANNEL[change]](courseId);
        if (get().courseId === courseId) set({ view, announcement: announce(change, view) });
      } catch (error) {
        set({ actionError: errorText(error) });
      } finally {
        set({ busy: undefined });
      }
    },
    async savePlan(courseId, input) {
      try {
        const view = await studyline()['plan:set'](courseId, input);
        if (get().courseId === courseId) {
          set({ view, state: 'ready', announcement: 'Plan saved. Your due dates are updated.' });
        }
        return undefined;
      } catch (error) {
        return errorText(error);
      }
    },
    preview(courseId, inputs) {
      return studyline()['plan:preview'](courseId, inputs);
    },
    clearMessages() {
      set({ actionError: undefined, announcement: undefined });
    },
  },
}));

export const useProgressActions = () => useProgressStore((state) => state.actions);

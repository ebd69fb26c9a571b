import { create } from 'zustand';
import { errorText } from '../lib/error-text';
import { isWebUrl } from '../lib/links';
import { studyline } from '../lib/studyline-api';

/** Which screen is shown; undefined lets the library decide (welcome when empty). */
export type Screen = 'welcome' | 'first-sync' | 'library';

/** A dialog over the library: the settings, or changing the active course's plan. */
export type DialogName = 'settings' | 'plan';

/**
 * What the learner is looking at: the screen, the course, the email under the
 * keyboard cursor and the one open in the reader. UI state only: what the core
 * knows lives in the query cache (renderer/queries).
 */
interface UiState {
  screen?: Screen;
  dialog?: DialogName;
  /** The course on screen; the first followed course when unset or gone. */
  activeCourseId?: string;
  /** The keyboard cursor in the list (j/k); Enter opens it. */
  selectedId?: string;
  openId?: string;
  /** A link could not be opened in the browser. */
  linkError?: string;
  /** A done mark, star or note the core refused, in the learner's words. */
  markError?: string;
  actions: {
    show: (screen: Screen | undefined) => void;
    openDialog: (dialog: DialogName) => void;
    closeDialog: () => void;
    setActiveCourse: (courseId: string) => void;
    select: (emailId: string) => void;
    open: (emailId: string) => void;
    /** Shows one email of a course (a clicked reminder): that course, that email, the library. */
    reveal: (courseId: string, emailId: string) => void;
    /** Opens a web link in the learner's browser; the app page never navigates. */
    openLink: (href: string) => Promise<void>;
    clearLinkError: () => void;
    setMarkError: (text: string | undefined) => void;
  };
}

export const useUiStore = create<UiState>()((set, get) => ({
  actions: {
    show(screen) {
      set({ screen, dialog: undefined });
    },
    openDialog(dialog) {
      set({ dialog });
    },
    closeDialog() {
      set({ dialog: undefined });
    },
    setActiveCourse(courseId) {
      if (get().activeCourseId === courseId) return;
      set({ activeCourseId: courseId, selectedId: undefined, openId: undefined });
    },
    select(emailId) {
      set({ selectedId: emailId });
    },
    open(emailId) {
      set({ selectedId: emailId, openId: emailId });
    },
    reveal(courseId, emailId) {
      set({
        activeCourseId: courseId,
        selectedId: emailId,
        openId: emailId,
        screen: 'library',
        dialog: undefined,
      });
    },
    async openLink(href) {
      if (!isWebUrl(href)) {
        set({ linkError: 'Only web links (http or https) can be opened from an email.' });
        return;
      }
      try {
        await studyline()['link:open'](href);
        set({ linkError: undefined });
      } catch (error) {
        set({ linkError: errorText(error) });
      }
    },
    clearLinkError() {
      set({ linkError: undefined });
    },
    setMarkError(text) {
      set({ markError: text });
    },
  },
}));

export const useUiActions = () => useUiStore((state) => state.actions);

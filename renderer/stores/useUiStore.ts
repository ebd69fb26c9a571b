import { create } from 'zustand';
import { errorText } from '../lib/error-text';
import { isWebUrl } from '../lib/links';
import { readRemembered, remember, REMEMBERED_COURSE } from '../lib/remembered';
import { studyline } from '../lib/studyline-api';

/** Which screen is shown; undefined lets the library decide (welcome when empty). */
export type Screen = 'welcome' | 'first-sync' | 'library';

/** A dialog over the library: the settings, the active course's plan, the agenda, the keys. */
export type DialogName = 'settings' | 'plan' | 'agenda' | 'shortcuts';

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
  /** Something the learner asked for could not be done (a course could not be left…). */
  actionError?: string;
  /** A short confirmation ("Opened in your browser"), shown a moment and announced. */
  toast?: { id: number; text: string };
  /** Said to screen readers only: where the reading flow went, or why it did not move. */
  announcement?: { id: number; text: string };
  actions: {
    toast: (text: string) => void;
    /** The toast's moment is over (unless a newer one replaced it). */
    clearToast: (id: number) => void;
    announce: (text: string) => void;
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
    /** Puts text on the clipboard; answers why not when it could not. */
    copy: (text: string) => Promise<string | undefined>;
    setActionError: (text: string | undefined) => void;
  };
}

let said = 0;

/** Called by the library view with the course it shows (picked, revealed or the first one). */
export function rememberShownCourse(courseId: string): void {
  remember(REMEMBERED_COURSE, courseId);
}

export const useUiStore = create<UiState>()((set, get) => ({
  activeCourseId: readRemembered(REMEMBERED_COURSE) ?? undefined,
  actions: {
    toast(text) {
      set({ toast: { id: ++said, text } });
    },
    clearToast(id) {
      set((state) => (state.toast?.id === id ? { toast: undefined } : {}));
    },
    announce(text) {
      set({ announcement: { id: ++said, text } });
    },
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
        set({ linkError: undefined, toast: { id: ++said, text: 'Opened in your browser' } });
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
    async copy(text) {
      try {
        await studyline()['clipboard:write'](text);
        return undefined;
      } catch (error) {
        return errorText(error);
      }
    },
    setActionError(text) {
      set({ actionError: text });
    },
  },
}));

export const useUiActions = () => useUiStore((state) => state.actions);

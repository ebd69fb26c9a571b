import { create } from 'zustand';
import { errorText } from '../lib/error-text';
import { isWebUrl } from '../lib/links';
import { studyline } from '../lib/studyline-api';

/** Which screen is shown; undefined lets the library decide (welcome when empty). */
export type Screen = 'welcome' | 'first-sync' | 'library';

/** A dialog over the library: the settings, or changing the active course's plan. */
export type DialogName = 'settings' | 'plan';

interface UiState {
  screen?: Screen;
  dialog?: DialogName;
  /** A link could not be opened in the browser. */
  linkError?: string;
  actions: {
    show: (screen: Screen | undefined) => void;
    openDialog: (dialog: DialogName) => void;
    closeDialog: () => void;
    /** Opens a web link in the learner's browser; the app page never navigates. */
    openLink: (href: string) => Promise<void>;
    clearLinkError: () => void;
  };
}

export const useUiStore = create<UiState>()((set) => ({
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
  },
}));

export const useUiActions = () => useUiStore((state) => state.actions);

import { create } from 'zustand';

/** Results as you type, after this pause (each keystroke would be a search otherwise). */
export const SEARCH_DELAY_MS = 120;

/**
 * The header's search as the learner handles it: what is typed, what is
 * searched (the text once typing pauses), whether the results are showing and
 * which hit the arrows chose. UI state only: the results themselves live in
 * the query cache (renderer/queries/search.ts), keyed by what is searched.
 */
interface SearchState {
  text: string;
  /** The text searched for: `text` once the learner pauses typing ('' for none). */
  query: string;
  /** The results list under the field is showing. */
  open: boolean;
  /** The highlighted hit (arrow keys), in the shown order. */
  activeIndex: number;
  actions: {
    setText: (text: string) => void;
    /** Typing paused on `text`: it is searched (unless the learner typed on meanwhile). */
    settle: (text: string) => void;
    clear: () => void;
    setOpen: (open: boolean) => void;
    /** Moves the highlighted hit among `count` shown ones, round the ends. */
    moveActive: (delta: number, count: number) => void;
  };
}

export const useSearchStore = create<SearchState>()((set, get) => ({
  text: '',
  query: '',
  open: false,
  activeIndex: 0,
  actions: {
    setText(text) {
      const blank = !text.trim();
      // Clearing the field clears the search at once; typing waits for a pause (settle).
      set({ text, open: !blank, ...(blank ? { query: '', activeIndex: 0 } : {}) });
    },
    settle(text) {
      if (get().text !== text || get().query === text.trim()) return;
      set({ query: text.trim(), activeIndex: 0 });
    },
    clear() {
      set({ text: '', query: '', open: false, activeIndex: 0 });
    },
    setOpen(open) {
      set({ open: open && get().text.trim().length > 0 });
    },
    moveActive(delta, count) {
      if (count === 0) return;
      set({ activeIndex: (get().activeIndex + delta + count) % count });
    },
  },
}));

export const useSearchActions = () => useSearchStore((state) => state.actions);

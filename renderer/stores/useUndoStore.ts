import { create } from 'zustand';

export interface UndoOffer {
  id: number;
  /** What just happened, e.g. "Marked 4 emails done." */
  message: string;
  /** Puts it back; answers the learner's sentence when it could not. */
  undo: () => Promise<string | undefined>;
  /** Focus the Undo button (the action changed the whole screen). */
  takeFocus?: boolean;
}

interface UndoState {
  offer?: UndoOffer;
  /** "Undone." or why it could not be undone, for the live region. */
  outcome?: string;
  busy: boolean;
  actions: {
    offer: (offer: Omit<UndoOffer, 'id'>) => void;
    dismiss: () => void;
    undo: () => Promise<void>;
  };
}

let nextId = 1;

/** The one "Undo" offered after an action that changes a lot at once (unfollow, done up to here). */
export const useUndoStore = create<UndoState>()((set, get) => ({
  busy: false,
  actions: {
    offer(offer) {
      set({ offer: { ...offer, id: nextId++ }, outcome: undefined });
    },
    dismiss() {
      set({ offer: undefined });
    },
    async undo() {
      const { offer, busy } = get();
      if (!offer || busy) return;
      set({ busy: true });
      try {
        const refused = await offer.undo();
        set({ offer: refused ? offer : undefined, outcome: refused ?? 'Undone.' });
      } finally {
        set({ busy: false });
      }
    },
  },
}));

export const useUndoActions = () => useUndoStore((state) => state.actions);

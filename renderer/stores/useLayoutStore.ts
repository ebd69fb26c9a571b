import { create } from 'zustand';
import { parseLayout, type PaneLayout } from '../lib/pane-layout';
import { readRemembered, remember } from '../lib/remembered';

const STORAGE_KEY = 'studyline.layout';

interface LayoutState extends PaneLayout {
  /** The groups drawer of a narrow window. */
  drawerOpen: boolean;
  actions: {
    setListWidth: (width: number) => void;
    setGroupsWidth: (width: number) => void;
    setGroupsOpen: (open: boolean) => void;
    setDrawerOpen: (open: boolean) => void;
  };
}

/** Pane widths and whether the study groups are shown: window state, remembered on this computer. */
export const useLayoutStore = create<LayoutState>()((set, get) => {
  const save = (change: Partial<PaneLayout>) => {
    set(change);
    const { listWidth, groupsWidth, groupsOpen } = get();
    remember(STORAGE_KEY, JSON.stringify({ listWidth, groupsWidth, groupsOpen }));
  };
  return {
    // No storage (a locked-down profile): the defaults, every time.
    ...parseLayout(readRemembered(STORAGE_KEY)),
    drawerOpen: false,
    actions: {
      setListWidth: (listWidth) => save({ listWidth }),
      setGroupsWidth: (groupsWidth) => save({ groupsWidth }),
      setGroupsOpen: (groupsOpen) => save({ groupsOpen }),
      setDrawerOpen: (drawerOpen) => set({ drawerOpen }),
    },
  };
});

export const useLayoutActions = () => useLayoutStore((state) => state.actions);

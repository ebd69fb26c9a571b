import { create } from 'zustand';
import type { GroupView } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { studyline } from '../lib/studyline-api';
import type { ListState } from './useReaderStore';

interface GroupsState {
  courseId?: string;
  groups: GroupView[];
  state: ListState;
  error?: string;
  actions: {
    load: (courseId: string, options?: { quiet?: boolean }) => Promise<void>;
  };
}

export const useGroupsStore = create<GroupsState>()((set, get) => ({
  groups: [],
  state: 'idle',
  actions: {
    async load(courseId, options = {}) {
      const switching = get().courseId !== courseId;
      if (switching) set({ courseId, groups: [] });
      if (switching || !options.quiet) set({ state: 'loading', error: undefined });
      try {
        const groups = await studyline()['groups:list'](courseId);
        if (get().courseId === courseId) set({ groups, state: 'ready', error: undefined });
      } catch (error) {
        if (get().courseId === courseId) set({ state: 'error', error: errorText(error) });
      }
    },
  },
}));

export const useGroupsActions = () => useGroupsStore((state) => state.actions);

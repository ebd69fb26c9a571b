import type { StoreApi } from 'zustand';
import type { EmailStateView, EmailSummary } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { studyline } from '../lib/studyline-api';
import { trackWrite } from './pending-writes';
import type { ReaderState } from './useReaderStore';

type Marks = Pick<EmailSummary, 'done' | 'starred' | 'opened'>;
type SetState = StoreApi<ReaderState>['setState'];
type GetState = StoreApi<ReaderState>['getState'];

export interface MarkActions {
  setDone: (emailId: string, done: boolean) => Promise<void>;
  /** Space or x in the list. */
  toggleDoneSelected: () => Promise<void>;
  setStarred: (emailId: string, starred: boolean) => Promise<void>;
  /** Saves the learner's note; answers the core's sentence when it could not. */
  saveNote: (emailId: string, note: string) => Promise<string | undefined>;
  clearMarkError: () => void;
}

function patch(set: SetState, emailId: string, marks: Partial<Marks>): void {
  set((state) => ({
    emails: state.emails.map((e) => (e.id === emailId ? { ...e, ...marks } : e)),
    email: state.email?.id === emailId ? { ...state.email, ...marks } : state.email,
  }));
}

function marksOf(view: EmailStateView): Marks {
  return { done: view.done, starred: view.starred, opened: view.opened };
}

/**
 * Done and star show at once; the core's answer then confirms them, or they
 * go back as they were and the learner is told why.
 */
export function markActions(set: SetState, get: GetState): MarkActions {
  const find = (emailId: string | undefined): Marks | undefined =>
    get().emails.find((e) => e.id === emailId) ??
    (get().email?.id === emailId ? get().email : undefined);

  const mark = async (
    emailId: string,
    change: Partial<Marks>,
    request: () => Promise<EmailStateView>,
  ) => {
    const before = find(emailId);
    patch(set, emailId, change);
    set({ markError: undefined });
    try {
      patch(set, emailId, marksOf(await trackWrite(request())));
    } catch (error) {
      if (before) {
        patch(set, emailId, { done: before.done, starred: before.starred, opened: before.opened });
      }
      set({ markError: errorText(error) });
    }
  };

  const setDone = (emailId: string, done: boolean) =>
    // Done implies read, as the core records it.
    mark(emailId, done ? { done, opened: true } : { done }, () =>
      studyline()['email:setDone'](emailId, done),
    );

  return {
    setDone,
    async toggleDoneSelected() {
      const { selectedId } = get();
      const email = find(selectedId);
      if (selectedId && email) await setDone(selectedId, !email.done);
    },
    setStarred: (emailId, starred) =>
      mark(emailId, { starred }, () => studyline()['email:setStarred'](emailId, starred)),
    async saveNote(emailId, note) {
      try {
        const view = await trackWrite(studyline()['email:setNote'](emailId, note));
        set((state) =>
          state.email?.id === emailId ? { email: { ...state.email, note: view.note } } : {},
        );
        return undefined;
      } catch (error) {
        return errorText(error);
      }
    },
    clearMarkError() {
      set({ markError: undefined });
    },
  };
}

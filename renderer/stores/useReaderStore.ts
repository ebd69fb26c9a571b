import { create } from 'zustand';
import type { Email, EmailSummary } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { studyline } from '../lib/studyline-api';
import { markActions } from './email-marks';
import type { MarkActions } from './email-marks';
import { writesPending } from './pending-writes';

export type ListState = 'idle' | 'loading' | 'ready' | 'error';

export interface ReaderState {
  courseId?: string;
  emails: EmailSummary[];
  listState: ListState;
  listError?: string;
  /** The keyboard cursor in the list (j/k); Enter opens it. */
  selectedId?: string;
  openId?: string;
  email?: Email;
  emailState: ListState;
  emailError?: string;
  /** A done mark or star that could not be saved, in the learner's words. */
  markError?: string;
  actions: MarkActions & {
    loadEmails: (courseId: string, options?: { quiet?: boolean }) => Promise<void>;
    select: (emailId: string) => void;
    /** Moves the cursor by `delta` emails, staying inside the list. */
    move: (delta: number) => void;
    openSelected: () => Promise<void>;
    open: (emailId: string) => Promise<void>;
    /** Shows one email of a course (a clicked reminder), loading the course's list first. */
    reveal: (courseId: string, emailId: string) => Promise<void>;
  };
}

export const useReaderStore = create<ReaderState>()((set, get) => ({
  emails: [],
  listState: 'idle',
  emailState: 'idle',
  actions: {
    ...markActions(set, get),
    async loadEmails(courseId, options = {}) {
      const switching = get().courseId !== courseId;
      if (switching) {
        set({
          courseId,
          emails: [],
          selectedId: undefined,
          openId: undefined,
          email: undefined,
          emailState: 'idle',
        });
      }
      if (switching || !options.quiet) set({ listState: 'loading', listError: undefined });
      try {
        const emails = await studyline()['emails:list'](courseId);
        if (get().courseId !== courseId) return;
        // A mark still being saved would flip back for a moment; its own re-read follows.
        if (options.quiet && writesPending()) return;
        const selectedId = emails.some((e) => e.id === get().selectedId)
          ? get().selectedId
          : (emails.find((e) => !e.opened) ?? emails[0])?.id;
        // The open email takes its new place too (a completed archive renumbers it).
        const open = get().email;
        const fresh = open && emails.find((e) => e.id === open.id);
        const email = fresh ? { ...open, provisional: undefined, ...fresh } : open;
        set({ emails, listState: 'ready', listError: undefined, selectedId, email });
      } catch (error) {
        if (get().courseId === courseId) set({ listState: 'error', listError: errorText(error) });
      }
    },
    select(emailId) {
      set({ selectedId: emailId });
    },
    move(delta) {
      const { emails, selectedId } = get();
      if (emails.length === 0) return;
      const index = emails.findIndex((e) => e.id === selectedId);
      const next = index < 0 ? 0 : Math.min(emails.length - 1, Math.max(0, index + delta));
      set({ selectedId: emails[next]?.id });
    },
    async openSelected() {
      const { selectedId } = get();
      if (selectedId) await get().actions.open(selectedId);
    },
    async open(emailId) {
      set({ selectedId: emailId, openId: emailId, emailState: 'loading', emailError: undefined });
      try {
        const email = await studyline()['email:open'](emailId);
        if (get().openId !== emailId) return;
        set((state) => ({
          email,
          emailState: 'ready',
          emails: state.emails.map((e) => (e.id === emailId ? { ...e, opened: true } : e)),
        }));
      } catch (error) {
        if (get().openId === emailId)
          set({ emailState: 'error', emailError: errorText(error), email: undefined });
      }
    },
    async reveal(courseId, emailId) {
      await get().actions.loadEmails(courseId);
      await get().actions.open(emailId);
    },
  },
}));

export const useReaderActions = () => useReaderStore((state) => state.actions);

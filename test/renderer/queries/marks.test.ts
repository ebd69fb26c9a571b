import { MutationObserver } from '@tanstack/react-query';
import { describe, expect, test, vi } from 'vitest';
import type { CourseProgressView, EmailStateView } from '../../../electron/shared/types';
import { createQueryClient } from '../../../renderer/queries/client';
import { keys, mutationKeys } from '../../../renderer/queries/keys';
import { drawMarks, markMutation, withMarks } from '../../../renderer/queries/marks';
import type { MarkChange } from '../../../renderer/queries/marks';
import { emailSummary, installStubApi } from '../stub-api';

function view(marks: CourseProgressView['marks'] = {}): CourseProgressView {
  return {
    courseId: 'c1',
    plan: {
      startOn: '2024-12-02',
      pace: { kind: 'as-sent' },
      studyDays: [1, 2, 3, 4, 5],
      remindAt: '09:00',
      pauses: [],
      catchUps: [],
    },
    status: {
      today: '2024-12-16',
      total: 3,
      done: 0,
      doneToday: 0,
      opened: 0,
      starred: 0,
      percent: 0,
      standing: { kind: 'on-track' },
      behind: 0,
      ahead: 0,
      dueNow: 0,
      streak: 0,
      finished: false,
      paused: false,
    },
    dueOn: {},
    weekOf: {},
    marks,
  };
}

const done = (emailId: string, value = true): MarkChange => ({
  emailId,
  courseId: 'c1',
  field: 'done',
  value,
});

describe('marks as the learner sees them', () => {
  test('the course’s progress says; an email without marks has none', () => {
    const saved = view({ e1: { opened: true, done: true, starred: false } });
    expect(drawMarks(emailSummary(1), saved, [])).toEqual({
      opened: true,
      done: true,
      starred: false,
    });
    expect(drawMarks(emailSummary(2, true), saved, [])).toEqual({
      opened: false,
      done: false,
      starred: false,
    });
    // Before the progress is read, the list's own marks.
    expect(drawMarks(emailSummary(2, true), undefined, []).opened).toBe(true);
  });

  test('a change in flight shows at once and a re-read cannot flip it back', () => {
    const stale = view();
    expect(drawMarks(emailSummary(1), stale, [done('e1')])).toEqual({
      opened: true,
      done: true,
      starred: false,
    });
    const starred: MarkChange = { ...done('e1'), field: 'starred' };
    expect(drawMarks(emailSummary(1), stale, [done('e1'), starred]).starred).toBe(true);
    expect(drawMarks(emailSummary(2), stale, [done('e1')]).done).toBe(false);
  });
});

describe('emails with their marks, as the list draws them', () => {
  test('an email whose marks did not change is the same object: its row is not drawn again', () => {
    const [one, two] = [emailSummary(1), emailSummary(2)];
    const unread = { opened: false, done: false, starred: false };
    const first = [withMarks(one, unread), withMarks(two, unread)];
    // Opening email 1 changes the course's marks; email 2 keeps its copy, email 1 gets a new one.
    const second = [withMarks(one, { ...unread, opened: true }), withMarks(two, { ...unread })];
    expect(second[1]).toBe(first[1]);
    expect(second[0]).not.toBe(first[0]);
    expect(second[0]).toMatchObject({ id: 'e1', opened: true, done: false });
    // Marked back as it was: a copy with those marks again, never a stale one.
    expect(withMarks(one, unread)).toMatchObject({ opened: false });
  });
});

describe('saving a mark', () => {
  test('the reply lands in the course’s progress; the event re-reads the standing', async () => {
    const state: EmailStateView = {
      emailId: 'e2',
      courseId: 'c1',
      opened: true,
      done: true,
      starred: false,
    };
    const stub = installStubApi({ 'email:setDone': () => state });
    const client = createQueryClient();
    client.setQueryData(keys.progress('c1'), view());
    const setMarkError = vi.fn();
    await new MutationObserver(client, markMutation(client, setMarkError)).mutate(done('e2'));
    expect(stub.calls).toEqual([{ channel: 'email:setDone', args: ['e2', true] }]);
    expect(client.getQueryData<CourseProgressView>(keys.progress('c1'))?.marks.e2).toEqual({
      opened: true,
      done: true,
      starred: false,
    });
    expect(setMarkError).toHaveBeenLastCalledWith(undefined);
  });

  test('a mark the core refuses goes back as it was, and the learner is told why', async () => {
    installStubApi({
      'email:setDone': () => {
        throw new Error('Studyline is not allowed to write your progress.');
      },
    });
    const client = createQueryClient();
    const saved = view();
    client.setQueryData(keys.progress('c1'), saved);
    const setMarkError = vi.fn();
    const observer = new MutationObserver(client, markMutation(client, setMarkError));
    await expect(observer.mutate(done('e3'))).rejects.toThrow('not allowed');
    const pending = client
      .getMutationCache()
      .findAll({ mutationKey: mutationKeys.marks(), status: 'pending' })
      .map((m) => m.state.variables as MarkChange);
    expect(drawMarks(emailSummary(3), saved, pending).done).toBe(false);
    expect(client.getQueryData(keys.progress('c1'))).toBe(saved);
    expect(setMarkError).toHaveBeenLastCalledWith(
      'Studyline is not allowed to write your progress.',
    );
  });
});

import { beforeEach, describe, expect, test } from 'vitest';
import type { CourseProgressView, CourseStatus } from '../../../electron/shared/types';
import { useProgressStore } from '../../../renderer/stores/useProgressStore';
import { installStubApi } from './stub-api';

const progress = () => useProgressStore.getState();

function view(change: Partial<CourseStatus> = {}): CourseProgressView {
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
      total: 12,
      done: 4,
      opened: 4,
      starred: 0,
      percent: 33,
      standing: { kind: 'behind', count: 3 },
      behind: 3,
      ahead: 0,
      dueNow: 3,
      streak: 0,
      finished: false,
      paused: false,
      ...change,
    },
    dueOn: { e5: '2024-12-10' },
    marks: {},
  };
}

beforeEach(() => {
  useProgressStore.setState({
    courseId: undefined,
    view: undefined,
    state: 'idle',
    busy: undefined,
    actionError: undefined,
    announcement: undefined,
  });
});

describe('the course’s progress', () => {
  test('loads per course; an answer for a course left meanwhile is dropped', async () => {
    let release: () => void = () => {};
    installStubApi({
      'progress:get': (courseId) =>
        courseId === 'slow'
          ? new Promise((done) => (release = () => done(view({ done: 9 }))))
          : view(),
    });
    const slow = progress().actions.load('slow');
    await progress().actions.load('c1');
    release();
    await slow;
    expect(progress().courseId).toBe('c1');
    expect(progress().view?.status.done).toBe(4);
  });

  test('Catch up says what it did: the earliest open email is due today', async () => {
    const next = { emailId: 'e5', order: 5, title: 'x', dueOn: '2024-12-16', overdue: false };
    const stub = installStubApi({
      'progress:get': () => view(),
      'plan:catchUp': () => view({ standing: { kind: 'on-track' }, behind: 0, next }),
    });
    await progress().actions.load('c1');
    await progress().actions.change('catch-up');
    expect(stub.calls.at(-1)).toEqual({ channel: 'plan:catchUp', args: ['c1'] });
    expect(progress().view?.status.standing).toEqual({ kind: 'on-track' });
    expect(progress().announcement).toBe('Caught up: #5 is due today.');
    expect(progress().busy).toBeUndefined();
  });

  test('a refused pause keeps the plan on screen and says why', async () => {
    installStubApi({
      'progress:get': () => view(),
      'plan:pause': () => {
        throw new Error('A break is already planned from Monday 23 December 2024.');
      },
    });
    await progress().actions.load('c1');
    await progress().actions.change('pause');
    expect(progress().view?.status.paused).toBe(false);
    expect(progress().actionError).toBe('A break is already planned from Monday 23 December 2024.');
  });

  test('a plan the core refuses answers its sentence and changes nothing on screen', async () => {
    installStubApi({
      'progress:get': () => view(),
      'plan:set': () => {
        throw new Error('Choose at least one study day in the week.');
      },
    });
    await progress().actions.load('c1');
    const before = progress().view;
    const input = { ...before!.plan, studyDays: [] };
    expect(await progress().actions.savePlan('c1', input)).toBe(
      'Choose at least one study day in the week.',
    );
    expect(progress().view).toBe(before);
  });

  test('a saved plan replaces the one on screen', async () => {
    installStubApi({
      'progress:get': () => view(),
      'plan:set': (_id, input) => ({ ...view(), plan: { ...view().plan, ...(input as object) } }),
    });
    await progress().actions.load('c1');
    const input = { ...view().plan, pace: { kind: 'per-week' as const, perWeek: 3 } };
    expect(await progress().actions.savePlan('c1', input)).toBeUndefined();
    expect(progress().view?.plan.pace).toEqual({ kind: 'per-week', perWeek: 3 });
  });
});

import { beforeEach, describe, expect, test } from 'vitest';
import { useReaderStore } from '../../../renderer/stores/useReaderStore';
import { emailSummary, installStubApi } from './stub-api';

const reader = () => useReaderStore.getState();

beforeEach(() => {
  useReaderStore.setState({
    courseId: undefined,
    emails: [],
    listState: 'idle',
    selectedId: undefined,
    openId: undefined,
    email: undefined,
    emailState: 'idle',
  });
});

describe('the email list', () => {
  test('starts the cursor on the first unread email', async () => {
    installStubApi({
      'emails:list': () => [emailSummary(1, true), emailSummary(2), emailSummary(3)],
    });
    await reader().actions.loadEmails('c1');
    expect(reader().listState).toBe('ready');
    expect(reader().selectedId).toBe('e2');
  });

  test('moving stays inside the list', async () => {
    installStubApi({ 'emails:list': () => [emailSummary(1), emailSummary(2), emailSummary(3)] });
    await reader().actions.loadEmails('c1');
    reader().actions.move(1);
    reader().actions.move(1);
    reader().actions.move(1);
    expect(reader().selectedId).toBe('e3');
    reader().actions.move(-Infinity);
    expect(reader().selectedId).toBe('e1');
    reader().actions.move(-1);
    expect(reader().selectedId).toBe('e1');
  });

  test('a failure is kept as the learner-readable sentence', async () => {
    installStubApi({
      'emails:list': () => {
        throw new Error('The library file is damaged.');
      },
    });
    await reader().actions.loadEmails('c1');
    expect(reader().listState).toBe('error');
    expect(reader().listError).toBe('The library file is damaged.');
  });

  test('an answer for a course the learner already left is ignored', async () => {
    let release: (value: unknown) => void = () => {};
    installStubApi({
      'emails:list': (courseId) =>
        courseId === 'slow'
          ? new Promise((done) => (release = () => done([emailSummary(9)])))
          : [emailSummary(1)],
    });
    const slow = reader().actions.loadEmails('slow');
    await reader().actions.loadEmails('c1');
    release(undefined);
    await slow;
    expect(reader().courseId).toBe('c1');
    expect(reader().emails.map((e) => e.id)).toEqual(['e1']);
  });
});

describe('opening an email', () => {
  test('Enter opens the selected email and the list marks it read', async () => {
    const stub = installStubApi({
      'emails:list': () => [emailSummary(1), emailSummary(2)],
      'email:open': (id) => ({
        ...emailSummary(Number(String(id).slice(1)), true),
        html: '<p>Hi</p>',
        categories: [],
      }),
    });
    await reader().actions.loadEmails('c1');
    reader().actions.move(1);
    await reader().actions.openSelected();
    expect(stub.calls.at(-1)).toEqual({ channel: 'email:open', args: ['e2'] });
    expect(reader().email?.title).toBe('Email 2');
    expect(reader().emails.find((e) => e.id === 'e2')?.opened).toBe(true);
    expect(reader().emails.find((e) => e.id === 'e1')?.opened).toBe(false);
  });
});

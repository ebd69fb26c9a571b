import { beforeEach, describe, expect, test } from 'vitest';
import type { EmailStateView } from '../../../electron/shared/types';
import { onWritesSettled, writesPending } from '../../../renderer/stores/pending-writes';
import { useReaderStore } from '../../../renderer/stores/useReaderStore';
import { emailSummary, installStubApi } from './stub-api';

const reader = () => useReaderStore.getState();

function stateView(emailId: string, change: Partial<EmailStateView>): EmailStateView {
  return { emailId, courseId: 'c1', opened: true, done: false, starred: false, ...change };
}

beforeEach(async () => {
  useReaderStore.setState({
    courseId: undefined,
    emails: [],
    listState: 'idle',
    selectedId: undefined,
    openId: undefined,
    email: undefined,
    markError: undefined,
  });
  installStubApi({ 'emails:list': () => [emailSummary(1), emailSummary(2), emailSummary(3)] });
  await reader().actions.loadEmails('c1');
});

describe('done marks', () => {
  test('x on the selected row ticks it at once, then the core confirms it', async () => {
    let answer: () => void = () => {};
    const gate = new Promise<void>((resolve) => (answer = resolve));
    const stub = installStubApi({
      'email:setDone': (id, done) =>
        gate.then(() => stateView(String(id), { done: Boolean(done) })),
    });
    reader().actions.move(1);
    const saving = reader().actions.toggleDoneSelected();
    expect(reader().emails[1]).toMatchObject({ done: true, opened: true });
    expect(writesPending()).toBe(true);
    answer();
    await saving;
    expect(stub.calls).toEqual([{ channel: 'email:setDone', args: ['e2', true] }]);
    expect(writesPending()).toBe(false);
    await reader().actions.toggleDoneSelected();
    expect(reader().emails[1]?.done).toBe(false);
  });

  test('a mark the core refuses goes back as it was, with the reason', async () => {
    installStubApi({
      'email:setDone': () => {
        throw new Error('Studyline is not allowed to write your progress.');
      },
    });
    await reader().actions.setDone('e3', true);
    expect(reader().emails[2]).toMatchObject({ done: false, opened: false });
    expect(reader().markError).toBe('Studyline is not allowed to write your progress.');
  });

  test('the open email follows its row', async () => {
    installStubApi({
      'email:open': (id) => ({ ...emailSummary(1), id, html: '', categories: [] }),
      'email:setStarred': (id) => stateView(String(id), { starred: true }),
    });
    await reader().actions.open('e1');
    await reader().actions.setStarred('e1', true);
    expect(reader().email?.starred).toBe(true);
    expect(reader().emails[0]?.starred).toBe(true);
  });

  test('a list re-read while a mark is being saved does not flip it back', async () => {
    let answer: () => void = () => {};
    installStubApi({
      'emails:list': () => [emailSummary(1), emailSummary(2), emailSummary(3)],
      'email:setDone': (id) =>
        new Promise<void>((resolve) => (answer = resolve)).then(() =>
          stateView(String(id), { done: true }),
        ),
    });
    let settled = 0;
    const off = onWritesSettled(() => (settled += 1));
    const saving = reader().actions.setDone('e1', true);
    await reader().actions.loadEmails('c1', { quiet: true });
    expect(reader().emails[0]?.done).toBe(true);
    answer();
    await saving;
    off();
    expect(settled).toBe(1);
  });
});

describe('notes', () => {
  test('a saved note lands on the open email; a refused one answers why', async () => {
    installStubApi({
      'email:open': (id) => ({ ...emailSummary(1), id, html: '', categories: [] }),
      'email:setNote': (id, note) => stateView(String(id), { note: String(note).trim() }),
    });
    await reader().actions.open('e1');
    expect(await reader().actions.saveNote('e1', ' Ask about range() ')).toBeUndefined();
    expect(reader().email?.note).toBe('Ask about range()');
    installStubApi({
      'email:setNote': () => {
        throw new Error('The disk is full, so your progress could not be saved.');
      },
    });
    expect(await reader().actions.saveNote('e1', 'more')).toBe(
      'The disk is full, so your progress could not be saved.',
    );
    expect(reader().email?.note).toBe('Ask about range()');
  });
});

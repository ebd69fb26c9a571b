import { beforeEach, describe, expect, test } from 'vitest';
import { useBackupStore } from '../../../renderer/stores/useBackupStore';
import { installStubApi } from './stub-api';

const backup = () => useBackupStore.getState();

beforeEach(() => {
  useBackupStore.setState({ busy: undefined, result: undefined });
});

describe('backup', () => {
  test('an export says where the file went, or that nothing was saved', async () => {
    installStubApi({ 'progress:export': () => ({ path: '/home/ada/studyline-backup.json' }) });
    await backup().actions.exportProgress();
    expect(backup().result).toMatchObject({
      tone: 'ok',
      text: 'Your progress and plans were saved to /home/ada/studyline-backup.json.',
    });
    installStubApi({ 'progress:export': () => ({}) });
    await backup().actions.exportProgress();
    expect(backup().result?.text).toBe('Nothing was saved: you closed the save window.');
  });

  test('an import keeps the report to show; a refused file says why', async () => {
    const report = {
      coursesAdded: [],
      plansChanged: ['Python'],
      emailsChanged: 2,
      backupPath: '/data/before-import.json',
      summary: ['2 emails marked done.'],
    };
    installStubApi({ 'progress:import': () => report });
    await backup().actions.importProgress();
    expect(backup().result).toMatchObject({ tone: 'ok', report });
    installStubApi({
      'progress:import': () => {
        throw new Error('This file is not a Studyline backup.');
      },
    });
    await backup().actions.importProgress();
    expect(backup().result).toEqual({
      task: 'import',
      tone: 'error',
      text: 'This file is not a Studyline backup.',
    });
    installStubApi({ 'progress:import': () => null });
    await backup().actions.importProgress();
    expect(backup().result?.text).toBe('Nothing was imported: no file chosen.');
  });

  test('the calendar names its course', async () => {
    const stub = installStubApi({ 'plan:exportIcs': () => ({ path: '/tmp/python.ics' }) });
    await backup().actions.exportCalendar('c1', 'Python');
    expect(stub.calls).toEqual([{ channel: 'plan:exportIcs', args: ['c1'] }]);
    expect(backup().result?.text).toBe('The calendar of Python was saved to /tmp/python.ics.');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { GENERIC_FAILURE, dispatch } from '../../../electron/core/app/dispatch';
import type { RequestHandlers } from '../../../electron/core/app/dispatch';
import { StudylineError } from '../../../electron/core/errors';
import { REQUEST_CHANNELS } from '../../../electron/shared/contract';

function handlers(): RequestHandlers {
  const all: Record<string, unknown> = {};
  for (const channel of REQUEST_CHANNELS) all[channel] = vi.fn(async () => undefined);
  return all as RequestHandlers;
}

describe('dispatch', () => {
  it('runs a valid request and answers its value', async () => {
    const bound = handlers();
    vi.mocked(bound['emails:list']).mockResolvedValue([]);
    expect(await dispatch(bound, 'emails:list', ['gentle-python'])).toEqual({
      ok: true,
      value: [],
    });
    expect(bound['emails:list']).toHaveBeenCalledWith('gentle-python');
  });

  it('refuses a channel the contract does not have', async () => {
    expect(await dispatch(handlers(), 'fs:readFile', ['/etc/passwd'])).toEqual({
      ok: false,
      error: { code: 'usage', message: 'Studyline has no request called "fs:readFile".' },
    });
  });

  it('refuses arguments the contract does not allow, before the handler runs', async () => {
    const bound = handlers();
    const result = await dispatch(bound, 'plan:preview', ['c1', []]);
    expect(result).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(result.ok || result.error.message).toMatch(
      /^Studyline refused a request it did not understand \(plan:preview\): /,
    );
    expect(bound['plan:preview']).not.toHaveBeenCalled();
    expect(await dispatch(bound, 'status:get', 'not a list')).toMatchObject({ ok: false });
  });

  it("answers a StudylineError's code, sentence and hint as data", async () => {
    const bound = handlers();
    vi.mocked(bound['sync:start']).mockRejectedValue(
      new StudylineError('locked', 'Another Studyline is using this library.', {
        hint: 'Close it and try again.',
      }),
    );
    expect(await dispatch(bound, 'sync:start', [{}])).toEqual({
      ok: false,
      error: {
        code: 'locked',
        message: 'Another Studyline is using this library.',
        hint: 'Close it and try again.',
      },
    });
  });

  it('hides an unexpected failure behind a general sentence and logs the details', async () => {
    const bound = handlers();
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    vi.mocked(bound['courses:list']).mockRejectedValue(bug);
    const log = vi.fn();
    expect(await dispatch(bound, 'courses:list', [], log)).toEqual({
      ok: false,
      error: { code: 'internal', message: GENERIC_FAILURE },
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('courses:list'), bug);
  });

  it.each([
    ['no argument', []],
    ['a bare string', ['/home/learner/Sync']],
    ['a number', [{ folder: 42 }]],
    ['an empty folder', [{ folder: '' }]],
    ['a relative folder', [{ folder: 'Sync/studyline' }]],
    ['a NUL character', [{ folder: '/home/learner/Sync\0/x' }]],
    ['an unknown field', [{ folder: '/home/learner/Sync', recursive: true }]],
  ])('refuses share:set with %s, saying why, before the core is touched', async (_what, args) => {
    const bound = handlers();
    const result = await dispatch(bound, 'share:set', args);
    expect(result).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(result.ok || result.error.message).toMatch(
      /^Studyline refused a request .*\(share:set\): ./,
    );
    expect(bound['share:set']).not.toHaveBeenCalled();
  });

  it('words a relative folder so the learner sees what a full path looks like', async () => {
    const result = await dispatch(handlers(), 'share:set', [{ folder: 'Dropbox' }]);
    expect(result.ok || result.error.message).toMatch(
      /must be a full path, such as \/home\/you\/Sync/,
    );
  });

  it('passes a full folder path (POSIX or Windows) to the handler', async () => {
    const bound = handlers();
    for (const folder of ['/home/learner/Sync', 'C:\\Users\\learner\\Dropbox', '\\\\nas\\share']) {
      expect(await dispatch(bound, 'share:set', [{ folder }])).toMatchObject({ ok: true });
      expect(bound['share:set']).toHaveBeenLastCalledWith({ folder });
    }
    expect(await dispatch(bound, 'share:off', ['/x'])).toMatchObject({ ok: false });
  });
});

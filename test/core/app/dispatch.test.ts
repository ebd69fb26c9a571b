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
});

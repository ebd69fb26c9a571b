import { afterEach, describe, expect, test } from 'vitest';
import type { StudylineBridge } from '../../../electron/shared/contract';
import { RequestError } from '../../../electron/shared/errors';
import { errorText } from '../../../renderer/lib/error-text';
import { studyline } from '../../../renderer/lib/studyline-api';

function installBridge(answer: (channel: string, args: unknown[]) => unknown): void {
  const bridge = new Proxy(
    {},
    {
      get: (_target, channel: string) =>
        channel === 'on'
          ? () => () => undefined
          : async (...args: unknown[]) => answer(channel, args),
      ownKeys: () => ['emails:list', 'sync:start', 'on'],
      getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
    },
  );
  const typed: StudylineBridge = bridge as StudylineBridge;
  (globalThis as { studyline?: unknown }).studyline = typed;
}

afterEach(() => {
  delete (globalThis as { studyline?: unknown }).studyline;
});

describe("the window's client of the bridge", () => {
  test('answers the value of a request that went well', async () => {
    installBridge(() => ({ ok: true, value: [{ id: 'e1' }] }));
    await expect(studyline()['emails:list']('c1')).resolves.toEqual([{ id: 'e1' }]);
  });

  test('throws a refusal with its code and hint, shown as one sentence', async () => {
    installBridge(() => ({
      ok: false,
      error: {
        code: 'locked',
        message: 'Another Studyline is using this library.',
        hint: 'Close it and try again.',
      },
    }));
    const error = await studyline()
      ['sync:start']({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).code).toBe('locked');
    expect((error as RequestError).hint).toBe('Close it and try again.');
    expect(errorText(error)).toBe(
      'Another Studyline is using this library. Close it and try again.',
    );
  });

  test('says in words when there is no bridge at all', () => {
    expect(() => studyline()).toThrow('the app bridge is missing');
  });
});

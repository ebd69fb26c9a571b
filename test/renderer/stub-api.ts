import type { Events, StudylineBridge } from '../../electron/shared/contract';
import type { EmailSummary, LibraryStatus } from '../../electron/shared/types';

type Listener = (payload: unknown) => void;

export interface StubApi {
  api: StudylineBridge;
  calls: { channel: string; args: unknown[] }[];
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
}

export function emailSummary(n: number, opened = false): EmailSummary {
  return {
    id: `e${n}`,
    courseId: 'c1',
    order: n,
    title: `Email ${n}`,
    sentAt: `2013-10-${String(20 + n).padStart(2, '0')}T00:00:00.000Z`,
    opened,
    done: false,
    hasNote: false,
    starred: false,
  };
}

export const EMPTY_STATUS: LibraryStatus = {
  dataDir: '/tmp/x',
  courses: [],
  sources: [],
  notices: [],
};

/**
 * A stand-in for preload's bridge, for the window's unit tests only (the browser
 * tests bind the real core). Unlisted channels answer with `undefined`.
 */
export function installStubApi(
  answers: Partial<Record<string, (...args: unknown[]) => unknown>>,
): StubApi {
  const calls: StubApi['calls'] = [];
  const listeners = new Map<string, Set<Listener>>();
  const api = new Proxy<Record<string, unknown>>(
    {},
    {
      get(_target, channel: string) {
        if (channel === 'on') {
          return (event: string, listener: Listener) => {
            const set = listeners.get(event) ?? new Set<Listener>();
            set.add(listener);
            listeners.set(event, set);
            return () => set.delete(listener);
          };
        }
        // Answers as preload does: `{ ok, value }`, or the refusal as data.
        return async (...args: unknown[]) => {
          calls.push({ channel, args });
          const answer =
            answers[channel] ?? (channel === 'status:get' ? () => EMPTY_STATUS : () => undefined);
          try {
            return { ok: true, value: await answer(...args) };
          } catch (error) {
            return { ok: false, error: { code: 'internal', message: (error as Error).message } };
          }
        };
      },
    },
  ) as unknown as StudylineBridge;
  (globalThis as { studyline?: StudylineBridge }).studyline = api;
  return {
    api,
    calls,
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
  };
}

/**
 * The stub with the first screen's reads answered as the core would (an empty catalog,
 * the settings, empty lists and plans), for tests that look at which reads leave rather
 * than at what they say; `answers` replace any of them.
 */
export function installFirstScreenStub(answers: Parameters<typeof installStubApi>[0]): StubApi {
  return installStubApi({
    'catalog:get': () => ({ schemaVersion: 1, courses: [] }),
    'settings:get': () => ({ theme: 'system' }),
    'emails:list': () => [],
    'progress:get': (courseId) => ({ courseId }),
    ...answers,
  });
}

import { afterEach, describe, expect, test, vi } from 'vitest';

/** A window's storage between two launches: what one launch wrote, the next reads. */
function profileStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
    key: (index: number) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

/** A fresh window: the store module evaluated again over the same storage. */
async function launch() {
  vi.resetModules();
  return await import('../../../renderer/stores/useUiStore');
}

afterEach(() => vi.unstubAllGlobals());

describe('the course on screen, across launches', () => {
  test('the window reopens on the course the learner last had on screen', async () => {
    vi.stubGlobal('localStorage', profileStorage());
    const first = await launch();
    expect(first.useUiStore.getState().activeCourseId).toBeUndefined();
    first.rememberShownCourse('c2');
    expect((await launch()).useUiStore.getState().activeCourseId).toBe('c2');
  });

  test('a profile that refuses storage: nothing remembered, nothing broken', async () => {
    const refusing = profileStorage();
    refusing.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    refusing.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    vi.stubGlobal('localStorage', refusing);
    const window = await launch();
    window.useUiStore.getState().actions.setActiveCourse('c2');
    window.rememberShownCourse('c2');
    expect(window.useUiStore.getState().activeCourseId).toBe('c2');
    expect((await launch()).useUiStore.getState().activeCourseId).toBeUndefined();
  });
});

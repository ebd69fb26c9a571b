import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../electron/core/sync/concurrency';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createLimiter', () => {
  it('never runs more than max tasks at once, and starts waiting tasks in order', async () => {
    const limit = createLimiter(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const results = gates.map((gate, i) =>
      limit(async () => {
        started.push(i);
        running += 1;
        peak = Math.max(peak, running);
        await gate.promise;
        running -= 1;
        return i * 10;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]?.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate) => gate.resolve());
    expect(await Promise.all(results)).toEqual([0, 10, 20, 30]);
    expect(peak).toBe(2);
  });

  it('frees the slot of a failing task and passes its error on', async () => {
    const limit = createLimiter(1);
    const failing = limit(async () => {
      throw new Error('feed down');
    });
    const throwingSync = limit(() => {
      throw new Error('bad task');
    });
    const next = limit(async () => 'next ran');
    await expect(failing).rejects.toThrow('feed down');
    await expect(throwingSync).rejects.toThrow('bad task');
    await expect(next).resolves.toBe('next ran');
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
    expect(() => createLimiter(1.5)).toThrow(RangeError);
  });
});

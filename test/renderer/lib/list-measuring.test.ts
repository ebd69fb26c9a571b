import { describe, expect, test, vi } from 'vitest';
import type { Virtualizer } from '@tanstack/react-virtual';
import { skipFirstWriteToTop } from '../../../renderer/lib/list-measuring';

const instance = {} as Virtualizer<HTMLDivElement, Element>;

describe('the email list scrolling', () => {
  test('a new list is not scrolled to the top it is already at, but every later scroll happens', () => {
    const scroll = vi.fn();
    const scrollTo = skipFirstWriteToTop(scroll);
    scrollTo(0, { adjustments: 0 }, instance);
    expect(scroll).not.toHaveBeenCalled();
    // Back to the top later (Home, after a scroll): the list does move.
    scrollTo(640, {}, instance);
    scrollTo(0, {}, instance);
    expect(scroll.mock.calls.map((call: unknown[]) => call[0])).toEqual([640, 0]);
  });

  test('a first scroll somewhere else than the top happens', () => {
    const scroll = vi.fn();
    const scrollTo = skipFirstWriteToTop(scroll);
    scrollTo(0, { adjustments: 128 }, instance);
    expect(scroll).toHaveBeenCalledWith(0, { adjustments: 128 }, instance);
  });
});

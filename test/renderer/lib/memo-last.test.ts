import { describe, expect, test, vi } from 'vitest';
import { memoLast } from '../../../renderer/lib/memo-last';

describe('memoLast', () => {
  test('the same values give the last answer without computing again; any change computes anew', () => {
    const emails = [{ id: 'a' }, { id: 'b' }];
    const count = vi.fn((list: { id: string }[], filter: string, ...pending: string[]) => ({
      shown: list.length,
      filter,
      pending: pending.length,
    }));
    const counted = memoLast(count);
    const first = counted(emails, 'all', 'x');
    // Two components asking with the same list and an equal (but not the same) array of changes.
    expect(counted(emails, 'all', 'x')).toBe(first);
    expect(count).toHaveBeenCalledTimes(1);

    expect(counted(emails, 'due', 'x')).toEqual({ shown: 2, filter: 'due', pending: 1 });
    expect(counted([...emails], 'due', 'x')).not.toBe(counted(emails, 'due', 'x'));
    expect(counted(emails, 'due')).toEqual({ shown: 2, filter: 'due', pending: 0 });
    expect(count).toHaveBeenCalledTimes(5);
  });
});

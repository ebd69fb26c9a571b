import { describe, expect, test } from 'vitest';
import {
  afterDone,
  likelyNext,
  nextNotDone,
  previousNotDone,
  startingEmail,
} from '../../../renderer/lib/reading-order';

const emails = [
  { id: 'e1', done: true },
  { id: 'e2', done: false },
  { id: 'e3', done: true },
  { id: 'e4', done: false },
  { id: 'e5', done: false },
];

describe('the reading flow', () => {
  test('n and p skip what is done, and stop at the ends', () => {
    expect(nextNotDone(emails, 'e2')).toBe('e4');
    expect(nextNotDone(emails, 'e5')).toBeUndefined();
    expect(nextNotDone(emails, undefined)).toBe('e2');
    expect(previousNotDone(emails, 'e4')).toBe('e2');
    expect(previousNotDone(emails, 'e2')).toBeUndefined();
    expect(previousNotDone(emails, undefined)).toBeUndefined();
  });

  test('after Done comes the next open email, then one left behind, then nothing', () => {
    expect(afterDone(emails, 'e2')).toBe('e4');
    expect(afterDone(emails, 'e5')).toBe('e2');
    const last = [
      { id: 'a', done: true },
      { id: 'b', done: false },
    ];
    expect(afterDone(last, 'b')).toBeUndefined();
  });

  test('studying starts at the email due first, else the first not done', () => {
    expect(startingEmail(emails, 'e4')).toBe('e4');
    expect(startingEmail(emails, undefined)).toBe('e2');
    expect(startingEmail(emails, 'gone')).toBe('e2');
    expect(startingEmail([{ id: 'x', done: true }], undefined)).toBe('x');
    expect(startingEmail([], undefined)).toBeUndefined();
  });

  test('read ahead: where Done & next, n, p, j and k would go from the open email, once each', () => {
    // e3 is done: Done & next and n go to e4, p to e2; j and k to e4 and e2 as well.
    expect(likelyNext(emails, 'e3')).toEqual(['e4', 'e2']);
    // From e4: Done & next goes to e5, k goes to e3 (done, but the row above), p to e2.
    expect(likelyNext(emails, 'e4')).toEqual(['e5', 'e2', 'e3']);
    // From the last: Done & next wraps to the earliest left behind, and never the email itself.
    expect(likelyNext(emails, 'e5')).toEqual(['e2', 'e4']);
    expect(likelyNext(emails, 'gone')).toEqual([]);
  });
});

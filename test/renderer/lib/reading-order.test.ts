import { describe, expect, test } from 'vitest';
import {
  afterDone,
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
});

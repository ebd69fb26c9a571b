import { expect, test } from 'vitest';
import { keyAction } from '../../../renderer/hooks/useKeyboardShortcuts';

test('j, k, x and r work wherever the focus is (outside text fields)', () => {
  expect(keyAction('j', false)).toBe('next');
  expect(keyAction('k', false)).toBe('previous');
  expect(keyAction('x', false)).toBe('toggle-done');
  expect(keyAction('r', false)).toBe('sync');
});

test('arrows, Enter and Space act only from the list, so buttons and the reader keep them', () => {
  expect(keyAction('ArrowDown', false)).toBeUndefined();
  expect(keyAction('Enter', false)).toBeUndefined();
  expect(keyAction(' ', false)).toBeUndefined();
  expect(keyAction('ArrowDown', true)).toBe('next');
  expect(keyAction('ArrowUp', true)).toBe('previous');
  expect(keyAction('Enter', true)).toBe('open');
  expect(keyAction(' ', true)).toBe('toggle-done');
  expect(keyAction('End', true)).toBe('last');
  expect(keyAction('q', true)).toBeUndefined();
});

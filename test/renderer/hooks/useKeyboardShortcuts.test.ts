import { expect, test } from 'vitest';
import { keyAction } from '../../../renderer/lib/key-actions';

const press = (key: string, shift = false, command = false) => ({ key, shift, command });

test('letters work from the list and the reader alike, Caps Lock or not', () => {
  for (const place of ['list', 'reader'] as const) {
    expect(keyAction(press('j'), place)).toBe('cursor-down');
    expect(keyAction(press('k'), place)).toBe('cursor-up');
    expect(keyAction(press('n'), place)).toBe('next');
    expect(keyAction(press('p'), place)).toBe('previous');
    expect(keyAction(press('d'), place)).toBe('done-next');
    expect(keyAction(press('x'), place)).toBe('toggle-done');
    expect(keyAction(press('s'), place)).toBe('star');
    expect(keyAction(press('o'), place)).toBe('open-in-browser');
    expect(keyAction(press('?', true), place)).toBe('shortcuts');
    expect(keyAction(press('/'), place)).toBe('search');
  }
  expect(keyAction(press('N', true), 'reader')).toBe('next');
});

test('Space reads on and Shift+Space back, but presses a focused button as usual', () => {
  expect(keyAction(press(' '), 'list')).toBe('read-on');
  expect(keyAction(press(' '), 'reader')).toBe('read-on');
  expect(keyAction(press(' ', true), 'reader')).toBe('read-back');
  expect(keyAction(press(' '), 'control')).toBeUndefined();
});

test('arrows, Enter, Home and End move the list only where the list has focus', () => {
  expect(keyAction(press('ArrowDown'), 'list')).toBe('cursor-down');
  expect(keyAction(press('Enter'), 'list')).toBe('open');
  expect(keyAction(press('End'), 'list')).toBe('last');
  // In the reader, arrows and Page Down scroll the email as the browser does.
  expect(keyAction(press('ArrowDown'), 'reader')).toBeUndefined();
  expect(keyAction(press('PageDown'), 'reader')).toBeUndefined();
  expect(keyAction(press('Enter'), 'control')).toBeUndefined();
});

test('with Ctrl or ⌘: sync, search and undo; nothing else is taken from the browser', () => {
  expect(keyAction(press('r', false, true), 'reader')).toBe('sync');
  expect(keyAction(press('f', false, true), 'control')).toBe('search');
  expect(keyAction(press('z', false, true), 'list')).toBe('undo');
  expect(keyAction(press('c', false, true), 'reader')).toBeUndefined();
  expect(keyAction(press('j', false, true), 'reader')).toBeUndefined();
});

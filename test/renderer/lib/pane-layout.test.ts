import { describe, expect, test } from 'vitest';
import {
  DEFAULT_LAYOUT,
  GROUPS_LIMITS,
  LIST_LIMITS,
  READER_MIN,
  parseLayout,
  resizeByKey,
  shownWidths,
} from '../../../renderer/lib/pane-layout';

describe('the remembered layout', () => {
  test('reads back what was stored, and the defaults for anything damaged', () => {
    expect(parseLayout('{"listWidth":400,"groupsWidth":260,"groupsOpen":false}')).toEqual({
      listWidth: 400,
      groupsWidth: 260,
      groupsOpen: false,
    });
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{not json')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{"listWidth":"wide","groupsOpen":"yes"}')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{"listWidth":5000,"groupsWidth":1}')).toMatchObject({
      listWidth: LIST_LIMITS.max,
      groupsWidth: GROUPS_LIMITS.min,
    });
  });
});

describe('widths on screen', () => {
  test('a wide window shows the chosen widths and the groups column', () => {
    expect(shownWidths(DEFAULT_LAYOUT, 1280)).toMatchObject({ list: 320, groups: 300 });
  });

  test('a narrow window has no groups column and keeps the reader readable', () => {
    const shown = shownWidths({ ...DEFAULT_LAYOUT, listWidth: 520 }, 800);
    expect(shown.groups).toBeUndefined();
    expect(shown.list).toBeLessThanOrEqual(320);
    expect(800 - shown.list).toBeGreaterThanOrEqual(READER_MIN);
  });

  test('collapsed groups give their room to the reader', () => {
    expect(shownWidths({ ...DEFAULT_LAYOUT, groupsOpen: false }, 1280).groups).toBeUndefined();
  });

  test('the reader always keeps its minimum, from 800 pixels to 4K', () => {
    for (const viewport of [800, 1024, 1100, 1280, 1920, 3840]) {
      const wide = { listWidth: 560, groupsWidth: 480, groupsOpen: true };
      const shown = shownWidths(wide, viewport);
      expect(viewport - shown.list - (shown.groups ?? 0)).toBeGreaterThanOrEqual(READER_MIN);
    }
  });
});

describe('resizing from the keyboard', () => {
  const limits = { min: 240, max: 560 };
  test('arrows move by a step, Shift by five, Home and End to the limits', () => {
    expect(resizeByKey('ArrowRight', false, 320, limits, 1)).toBe(336);
    expect(resizeByKey('ArrowLeft', true, 320, limits, 1)).toBe(240);
    expect(resizeByKey('ArrowRight', false, 320, limits, -1)).toBe(304);
    expect(resizeByKey('End', false, 320, limits, 1)).toBe(560);
    expect(resizeByKey('Home', false, 320, limits, 1)).toBe(240);
    expect(resizeByKey('a', false, 320, limits, 1)).toBeUndefined();
  });
});

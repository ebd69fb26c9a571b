import { beforeEach, describe, expect, test } from 'vitest';
import { useSearchStore } from '../../../renderer/stores/useSearchStore';

const search = () => useSearchStore.getState();

beforeEach(() => search().actions.clear());

describe('the search as the learner types it', () => {
  test('only the text the learner paused on is searched, trimmed', () => {
    search().actions.setText('spi');
    search().actions.setText('spira ');
    // The pause after "spi" ended after more was typed: nothing is searched for it.
    search().actions.settle('spi');
    expect(search().query).toBe('');
    search().actions.settle('spira ');
    expect(search()).toMatchObject({ text: 'spira ', query: 'spira', open: true });
  });

  test('emptying the field ends the search at once, without waiting for a pause', () => {
    search().actions.setText('turtle');
    search().actions.settle('turtle');
    search().actions.setText('   ');
    expect(search()).toMatchObject({ query: '', open: false });
  });

  test('arrows go round the shown hits; a new search starts at the first', () => {
    search().actions.setText('turtle');
    search().actions.settle('turtle');
    search().actions.moveActive(-1, 3);
    expect(search().activeIndex).toBe(2);
    search().actions.moveActive(1, 3);
    expect(search().activeIndex).toBe(0);
    search().actions.moveActive(1, 3);
    search().actions.setText('turtles');
    search().actions.settle('turtles');
    expect(search().activeIndex).toBe(0);
  });

  test('Esc clears everything; the list cannot open on an empty field', () => {
    search().actions.setText('turtle');
    search().actions.clear();
    search().actions.setOpen(true);
    expect(search()).toMatchObject({ text: '', query: '', open: false, activeIndex: 0 });
  });
});

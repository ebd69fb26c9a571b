import { beforeEach, describe, expect, test } from 'vitest';
import { useUiStore } from '../../../renderer/stores/useUiStore';
import { installStubApi } from '../stub-api';

const ui = () => useUiStore.getState();

beforeEach(() => {
  useUiStore.setState({
    screen: undefined,
    dialog: undefined,
    activeCourseId: undefined,
    selectedId: undefined,
    openId: undefined,
    linkError: undefined,
  });
});

describe('what the learner is looking at', () => {
  test('a clicked reminder shows its course, its email, in the library', () => {
    ui().actions.show('welcome');
    ui().actions.openDialog('settings');
    ui().actions.reveal('c2', 'e9');
    expect(ui()).toMatchObject({
      screen: 'library',
      dialog: undefined,
      activeCourseId: 'c2',
      selectedId: 'e9',
      openId: 'e9',
    });
  });

  test('another course starts with nothing selected or open', () => {
    ui().actions.setActiveCourse('c1');
    ui().actions.open('e3');
    ui().actions.setActiveCourse('c2');
    expect(ui()).toMatchObject({ activeCourseId: 'c2', selectedId: undefined, openId: undefined });
  });

  test('only web links are opened, in the browser; a refusal says why', async () => {
    const stub = installStubApi({});
    await ui().actions.openLink('javascript:alert(1)');
    expect(ui().linkError).toBe('Only web links (http or https) can be opened from an email.');
    expect(stub.calls).toEqual([]);
    await ui().actions.openLink('https://docs.python.org/3/');
    expect(stub.calls).toEqual([{ channel: 'link:open', args: ['https://docs.python.org/3/'] }]);
    expect(ui().linkError).toBeUndefined();
  });
});

import type { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../electron/shared/contract';
import type { StudylineBridge } from '../../electron/shared/contract';

const bridge = vi.hoisted(() => ({ exposed: new Map<string, unknown>() }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: vi.fn(async (): Promise<unknown> => ({ ok: true, value: undefined })),
  });
  return {
    ipcRenderer,
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.set(key, api),
    },
  };
});

let api: StudylineBridge;
let ipcRenderer: EventEmitter & { invoke: ReturnType<typeof vi.fn> };

beforeAll(async () => {
  await import('../../electron/preload/index');
  ipcRenderer = (await import('electron')).ipcRenderer as unknown as typeof ipcRenderer;
  api = bridge.exposed.get('studyline') as StudylineBridge;
});

describe('window.studyline', () => {
  it('exposes exactly the contract: one function per request, plus on()', () => {
    expect([...bridge.exposed.keys()]).toEqual(['studyline']);
    expect(Object.keys(api).sort()).toEqual([...REQUEST_CHANNELS, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it("sends a request on its channel with its arguments and answers main's envelope", async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [{ id: 'e1' }] });
    await expect(api['emails:list']('gentle-python')).resolves.toEqual({
      ok: true,
      value: [{ id: 'e1' }],
    });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('emails:list', 'gentle-python');
  });

  it('sends the own-pace requests too, e.g. marking an email done', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { emailId: 'e1', done: true } });
    await expect(api['email:setDone']('e1', true)).resolves.toMatchObject({
      value: { done: true },
    });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('email:setDone', 'e1', true);
  });

  it('hands a refusal over as data, so its code and hint survive the context bridge', async () => {
    const error = {
      code: 'unreachable',
      message: 'The course archive could not be reached.',
      hint: 'Check your connection.',
    };
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error });
    await expect(api['sync:start']({})).resolves.toEqual({ ok: false, error });
  });

  it('says when the window is ready, so main can hand over a clicked reminder', async () => {
    await api['app:ready']();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('app:ready');
  });

  it('delivers pushed events as their payload only, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = api.on('library:changed', listener);
    const change = { courseIds: ['c1'], sourceIds: ['s1'] };
    ipcRenderer.emit('library:changed', { sender: ipcRenderer }, change);
    expect(listener).toHaveBeenCalledWith(change);
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    ipcRenderer.emit('library:changed', { sender: ipcRenderer }, { courseIds: [], sourceIds: [] });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('library:changed')).toBe(0);
  });

  it('delivers a clicked reminder as the email to open', () => {
    const listener = vi.fn();
    const unsubscribe = api.on('app:openEmail', listener);
    ipcRenderer.emit('app:openEmail', {}, { courseId: 'c1', emailId: 'e7' });
    expect(listener).toHaveBeenCalledWith({ courseId: 'c1', emailId: 'e7' });
    unsubscribe();
  });

  it('lets a page listen only to the contract events', () => {
    for (const event of EVENT_CHANNELS) api.on(event, () => undefined)();
    expect(() => api.on('sync:start' as never, () => undefined)).toThrow(
      'Studyline has no event called',
    );
    expect(() => api.on('__proto__' as never, () => undefined)).toThrow();
    expect(ipcRenderer.listenerCount('sync:start')).toBe(0);
  });
});

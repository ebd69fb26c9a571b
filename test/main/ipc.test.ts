import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, ipcMain, resetFakeElectron } from './fake-electron';
import { REQUEST_CHANNELS } from '../../electron/shared/contract';
import type { RequestHandlers } from '../../electron/core/app/dispatch';
import { StudylineError } from '../../electron/core/errors';
import { createAppUrlCheck } from '../../electron/main/app-url';
import { GENERIC_FAILURE, registerIpc } from '../../electron/main/ipc';
import type { IpcResult } from '../../electron/shared/errors';
import type { WebContents } from 'electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const ours = new FakeWebContents();

function fakeHandlers(): RequestHandlers {
  const handlers = {} as Record<string, unknown>;
  for (const channel of REQUEST_CHANNELS) handlers[channel] = vi.fn(async () => undefined);
  return handlers as RequestHandlers;
}

function setup() {
  const handlers = fakeHandlers();
  const log = vi.fn();
  const unregister = registerIpc({
    handlers,
    appContents: () => ours as unknown as WebContents,
    isAppUrl: createAppUrlCheck(),
    log,
  });
  return { handlers, log, unregister };
}

function eventFrom(sender: unknown, url: string | null) {
  return { sender, senderFrame: url === null ? null : { url } };
}

const fromOurPage = eventFrom(ours, 'studyline://app/index.html');

async function call(event: unknown, channel: string, ...args: unknown[]) {
  return (await ipcMain.invoke(channel, event, ...args)) as IpcResult;
}

beforeEach(() => resetFakeElectron());

describe('registerIpc', () => {
  it('answers every request channel of the contract, and can remove them all', () => {
    const { unregister } = setup();
    expect(ipcMain.channels().sort()).toEqual([...REQUEST_CHANNELS].sort());
    unregister();
    expect(ipcMain.channels()).toEqual([]);
  });

  it('passes a valid call to its handler and returns the value', async () => {
    const { handlers } = setup();
    vi.mocked(handlers['emails:list']).mockResolvedValue([]);
    expect(await call(fromOurPage, 'emails:list', 'gentle-python')).toEqual({
      ok: true,
      value: [],
    });
    expect(handlers['emails:list']).toHaveBeenCalledWith('gentle-python');
  });

  it('hands the handler the validated values, not extra fields', async () => {
    const { handlers } = setup();
    await call(fromOurPage, 'sync:start', { courseId: 'gentle-python' });
    expect(handlers['sync:start']).toHaveBeenCalledWith({ courseId: 'gentle-python' });
  });

  it.each([
    ['another web contents', eventFrom(new FakeWebContents(), 'studyline://app/index.html')],
    ['our window after it navigated away', eventFrom(ours, 'https://evil.example/')],
    ['a frame of another host on our scheme', eventFrom(ours, 'studyline://elsewhere/x.html')],
    ['a destroyed frame', eventFrom(ours, null)],
  ])('refuses calls from %s before touching the handler', async (_name, event) => {
    const { handlers, log } = setup();
    const result = await call(event, 'link:open', 'https://example.org/');
    expect(result).toEqual({
      ok: false,
      error: { message: 'Studyline refused a request from an unknown page.', code: 'forbidden' },
    });
    expect(handlers['link:open']).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it.each([
    ['link:open', ['file:///etc/passwd']],
    ['email:open', [42]],
    ['email:open', ['']],
    ['course:follow', [{ sequenceId: 'x', extra: 1 }]],
    ['status:get', ['unexpected']],
    ['group:add', ['c1']],
  ])('refuses %s with bad arguments %j, in a sentence', async (channel, args) => {
    const { handlers } = setup();
    const result = await call(fromOurPage, channel, ...args);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('usage');
    expect(result.error.message).toContain(
      `Studyline refused a request it did not understand (${channel}): `,
    );
    expect(handlers[channel as keyof RequestHandlers]).not.toHaveBeenCalled();
  });

  it('says why a link was refused', async () => {
    setup();
    const result = await call(fromOurPage, 'link:open', 'javascript:alert(1)');
    expect(result.ok || result.error.message).toContain('Only http(s) addresses are allowed.');
  });

  it("returns a StudylineError's code, learner sentence and hint, each on its own", async () => {
    const { handlers, log } = setup();
    vi.mocked(handlers['email:open']).mockRejectedValue(
      new StudylineError('not-found', 'This email is not in your library.', {
        hint: 'Sync the course and try again.',
      }),
    );
    expect(await call(fromOurPage, 'email:open', 'e1')).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: 'This email is not in your library.',
        hint: 'Sync the course and try again.',
      },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('hides unexpected errors behind a general sentence and logs the details', async () => {
    const { handlers, log } = setup();
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    vi.mocked(handlers['courses:list']).mockRejectedValue(bug);
    expect(await call(fromOurPage, 'courses:list')).toEqual({
      ok: false,
      error: { message: GENERIC_FAILURE, code: 'internal' },
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('courses:list'), bug);
  });
});

import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { dispatch } from '../core/app/dispatch';
import type { DispatchLog, RequestHandlers } from '../core/app/dispatch';
import { REQUEST_CHANNELS } from '../shared/contract';
import type { IpcResult } from '../shared/errors';

export { GENERIC_FAILURE } from '../core/app/dispatch';

export interface IpcOptions {
  handlers: RequestHandlers;
  /** The web contents of our window, when there is one. */
  appContents: () => WebContents | undefined;
  isAppUrl: (url: string) => boolean;
  log?: DispatchLog;
}

/**
 * Only our own window, showing our own page, may call: a frame that navigated
 * elsewhere, a devtools extension page or any other contents is refused.
 */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  appContents: WebContents | undefined,
  isAppUrl: (url: string) => boolean,
): boolean {
  if (!appContents || event.sender !== appContents) return false;
  const frame = event.senderFrame;
  return frame !== null && frame !== undefined && isAppUrl(frame.url);
}

/** One request from a window: the sender check, then the same dispatch the browser tests use. */
export async function handleRequest(
  channel: string,
  event: IpcMainInvokeEvent,
  args: unknown[],
  options: IpcOptions,
): Promise<IpcResult> {
  if (!isTrustedSender(event, options.appContents(), options.isAppUrl)) {
    options.log?.(
      `refused ${channel} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`,
    );
    return {
      ok: false,
      error: { message: 'Studyline refused a request from an unknown page.', code: 'forbidden' },
    };
  }
  return dispatch(options.handlers, channel, args, options.log);
}

/** Registers every request channel of the contract; returns a function that removes them. */
export function registerIpc(options: IpcOptions): () => void {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      handleRequest(channel, event, args, options),
    );
  }
  return () => {
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel);
  };
}

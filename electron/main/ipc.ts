import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { REQUEST_CHANNELS, requestArgs } from '../shared/contract';
import type { RequestChannel } from '../shared/contract';
import type { RequestHandlers } from '../core/app/request-handlers';
import { StudylineError } from '../core/errors';
import type { IpcResult } from './ipc-result';

export const GENERIC_FAILURE =
  'Something went wrong inside Studyline. Please try again; if it keeps happening, restart the app.';

export interface IpcOptions {
  handlers: RequestHandlers;
  /** The web contents of our window, when there is one. */
  appContents: () => WebContents | undefined;
  isAppUrl: (url: string) => boolean;
  log?: (message: string, error?: unknown) => void;
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

/** A zod failure as a sentence: the renderer sent something the contract does not allow. */
function badArguments(channel: RequestChannel, issues: { message: string }[]): StudylineError {
  const detail = issues[0]?.message ?? 'unexpected values';
  return new StudylineError(
    'usage',
    `Studyline refused a request it did not understand (${channel}): ${detail}`,
    {
      hint: 'Please try again; if it keeps happening, restart the app.',
    },
  );
}

export function toIpcFailure(
  error: unknown,
  channel: string,
  log: IpcOptions['log'],
): IpcResult<never> {
  if (error instanceof StudylineError) {
    return { ok: false, error: { message: error.fullMessage, code: error.code } };
  }
  log?.(`request ${channel} failed unexpectedly`, error);
  return { ok: false, error: { message: GENERIC_FAILURE, code: 'internal' } };
}

/** Runs one request: sender check, argument validation, the handler, errors as sentences. */
export async function dispatch(
  channel: RequestChannel,
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
  const parsed = requestArgs[channel].safeParse(args);
  if (!parsed.success)
    return toIpcFailure(badArguments(channel, parsed.error.issues), channel, options.log);
  try {
    const handler = options.handlers[channel] as (...values: unknown[]) => Promise<unknown>;
    return { ok: true, value: await handler(...parsed.data) };
  } catch (error) {
    return toIpcFailure(error, channel, options.log);
  }
}

/** Registers every request channel of the contract; returns a function that removes them. */
export function registerIpc(options: IpcOptions): () => void {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(channel, event, args, options));
  }
  return () => {
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel);
  };
}

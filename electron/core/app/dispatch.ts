import { REQUEST_CHANNELS, requestArgs } from '../../shared/contract';
import type { Reply, RequestArgs, RequestChannel } from '../../shared/contract';
import type { IpcResult, RequestErrorData } from '../../shared/errors';
import { StudylineError } from '../errors';

/** Every request of the contract, bound to what answers it. */
export type RequestHandlers = {
  [C in RequestChannel]: (...args: RequestArgs<C>) => Promise<Reply<C>>;
};

export const GENERIC_FAILURE =
  'Something went wrong inside Studyline. Please try again; if it keeps happening, restart the app.';

const TRY_AGAIN = 'Please try again; if it keeps happening, restart the app.';

export type DispatchLog = (message: string, error?: unknown) => void;

/** A thrown value as the error the window gets: a learner's sentence, never a stack. */
export function toRequestError(
  error: unknown,
  channel: string,
  log?: DispatchLog,
): RequestErrorData {
  if (error instanceof StudylineError) {
    return error.hint === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, hint: error.hint };
  }
  log?.(`request ${channel} failed unexpectedly`, error);
  return { code: 'internal', message: GENERIC_FAILURE };
}

function isChannel(channel: string): channel is RequestChannel {
  return (REQUEST_CHANNELS as readonly string[]).includes(channel);
}

/**
 * Runs one request of the window: a known channel, arguments the contract
 * allows (zod), the handler, and every outcome as `{ ok, value }` or
 * `{ ok: false, error: { code, message, hint } }`. Pure: main's IPC wrapper
 * (which first checks the sender) and the browser-test harness both call it,
 * so the tests go through exactly the app's path.
 */
export async function dispatch(
  handlers: RequestHandlers,
  channel: string,
  args: unknown,
  log?: DispatchLog,
): Promise<IpcResult> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'usage', message: `Studyline has no request called "${channel}".` },
    };
  }
  const parsed = requestArgs[channel].safeParse(args);
  if (!parsed.success) {
    const detail = parsed.error.issues[0]?.message ?? 'unexpected values';
    return {
      ok: false,
      error: {
        code: 'usage',
        message: `Studyline refused a request it did not understand (${channel}): ${detail}`,
        hint: TRY_AGAIN,
      },
    };
  }
  try {
    const handler = handlers[channel] as (...values: unknown[]) => Promise<unknown>;
    return { ok: true, value: await handler(...(parsed.data as unknown[])) };
  } catch (error) {
    return { ok: false, error: toRequestError(error, channel, log) };
  }
}

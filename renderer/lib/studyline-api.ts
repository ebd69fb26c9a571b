import type { StudylineApi, StudylineBridge } from '../../electron/shared/contract';
import { RequestError } from '../../electron/shared/errors';
import type { IpcResult } from '../../electron/shared/errors';

const clients = new WeakMap<StudylineBridge, StudylineApi>();

/** The bridge's answers as values; a refusal becomes a RequestError with its code and hint. */
function clientOf(bridge: StudylineBridge): StudylineApi {
  const calls = bridge as unknown as Record<string, (...args: unknown[]) => Promise<IpcResult>>;
  const unwrapped = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const unwrap =
    (channel: string) =>
    async (...args: unknown[]) => {
      const result = await calls[channel]!(...args);
      if (result.ok) return result.value;
      throw new RequestError(result.error);
    };
  return new Proxy({} as StudylineApi, {
    get(_target, channel: string) {
      if (channel === 'on') return bridge.on;
      let call = unwrapped.get(channel);
      if (!call) unwrapped.set(channel, (call = unwrap(channel)));
      return call;
    },
  });
}

/** What preload put on window, as values. Only stores and query modules call this. */
export function studyline(): StudylineApi {
  const bridge = (globalThis as { studyline?: StudylineBridge }).studyline;
  if (!bridge) {
    throw new Error(
      'Studyline cannot reach your library: the app bridge is missing. Restart Studyline.',
    );
  }
  let client = clients.get(bridge);
  if (!client) clients.set(bridge, (client = clientOf(bridge)));
  return client;
}

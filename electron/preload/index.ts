import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { EventChannel, Events, RequestChannel, StudylineApi } from '../shared/contract';
import type { IpcResult } from '../main/ipc-result';

// Listed here rather than imported from the contract so the sandboxed preload
// does not bundle zod; `satisfies` makes the compiler reject a missing or extra channel.
const REQUESTS = {
  'catalog:get': true,
  'status:get': true,
  'courses:list': true,
  'course:follow': true,
  'course:unfollow': true,
  'emails:list': true,
  'email:open': true,
  'groups:list': true,
  'group:add': true,
  'sources:list': true,
  'sync:start': true,
  'sync:cancel': true,
  'notice:dismiss': true,
  'link:open': true,
  'progress:get': true,
  'plan:preview': true,
  'plan:set': true,
  'plan:pause': true,
  'plan:resume': true,
  'plan:catchUp': true,
  'email:setDone': true,
  'email:setStarred': true,
  'email:setNote': true,
  'agenda:get': true,
  'reminders:get': true,
  'reminders:snooze': true,
  'settings:get': true,
  'settings:set': true,
  'plan:exportIcs': true,
  'progress:export': true,
  'progress:import': true,
} satisfies Record<RequestChannel, true>;

const EVENTS = {
  'sync:progress': true,
  'sync:finished': true,
  'library:changed': true,
  'progress:changed': true,
  'app:openEmail': true,
} satisfies Record<EventChannel, true>;

async function invoke(channel: RequestChannel, args: unknown[]): Promise<unknown> {
  const result = (await ipcRenderer.invoke(channel, ...args)) as IpcResult;
  if (result.ok) return result.value;
  // Only the message crosses the context bridge, and it is already the learner's sentence.
  throw new Error(result.error.message);
}

function on<E extends EventChannel>(event: E, listener: (payload: Events[E]) => void): () => void {
  if (!Object.hasOwn(EVENTS, event) || typeof listener !== 'function') {
    throw new Error(`Studyline has no event called "${String(event)}".`);
  }
  // The IPC event object (which holds ipcRenderer itself) never reaches the page.
  const forward = (_event: IpcRendererEvent, payload: Events[E]) => listener(payload);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
}

function buildApi(): StudylineApi {
  const api: Record<string, unknown> = { on };
  for (const channel of Object.keys(REQUESTS) as RequestChannel[]) {
    api[channel] = (...args: unknown[]) => invoke(channel, args);
  }
  return api as StudylineApi;
}

contextBridge.exposeInMainWorld('studyline', buildApi());

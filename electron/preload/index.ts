import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { EventChannel, Events, RequestChannel, StudylineBridge } from '../shared/contract';
import type { IpcResult } from '../shared/errors';

// Listed here rather than imported from the contract so the sandboxed preload
// does not bundle zod; `satisfies` makes the compiler reject a missing or extra channel.
const REQUESTS = {
  'app:ready': true,
  'catalog:get': true,
  'status:get': true,
  'courses:list': true,
  'course:follow': true,
  'course:unfollow': true,
  'emails:list': true,
  'email:open': true,
  'email:read': true,
  'groups:list': true,
  'group:add': true,
  'sources:list': true,
  'sync:start': true,
  'sync:status': true,
  'sync:cancel': true,
  'notice:dismiss': true,
  'link:open': true,
  'file:showInFolder': true,
  'clipboard:write': true,
  'progress:get': true,
  'plan:preview': true,
  'plan:set': true,
  'plan:pause': true,
  'plan:resume': true,
  'plan:catchUp': true,
  'email:setDone': true,
  'email:setDoneUpTo': true,
  'email:setDoneMany': true,
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
  'search:query': true,
  'share:status': true,
  'share:chooseFolder': true,
  'share:set': true,
  'share:off': true,
  'share:check': true,
} satisfies Record<RequestChannel, true>;

const EVENTS = {
  'sync:begin': true,
  'sync:progress': true,
  'sync:finish': true,
  'library:changed': true,
  'progress:changed': true,
  'plan:changed': true,
  'settings:changed': true,
  'share:changed': true,
  'app:openEmail': true,
} satisfies Record<EventChannel, true>;

/**
 * Answers main's `{ ok, value }` or `{ ok: false, error: { code, message, hint } }`
 * as it is: the contextBridge would keep only the message of a thrown Error, and
 * the window needs the code (renderer/lib/studyline-api.ts turns it into a RequestError).
 */
async function invoke(channel: RequestChannel, args: unknown[]): Promise<IpcResult> {
  return (await ipcRenderer.invoke(channel, ...args)) as IpcResult;
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

function buildBridge(): StudylineBridge {
  const bridge: Record<string, unknown> = { on };
  for (const channel of Object.keys(REQUESTS) as RequestChannel[]) {
    bridge[channel] = (...args: unknown[]) => invoke(channel, args);
  }
  return bridge as StudylineBridge;
}

contextBridge.exposeInMainWorld('studyline', buildBridge());

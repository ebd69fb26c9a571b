import type { RequestChannel } from '../../shared/contract';
import type { StudylineCore } from './core-api';
import type { CoreHandlers, HandlerDeps } from './request-handlers';

type ShareChannel = Extract<RequestChannel, `share:${string}`>;

/**
 * Sharing progress across computers, as `studyline share` does it: the same
 * core calls, so the window meets the same checks and the same words. The
 * core itself tells `share:changed` (and what other computers changed).
 */
export function shareHandlers(
  core: StudylineCore,
  deps: Pick<HandlerDeps, 'chooseFolder'>,
): Pick<CoreHandlers, ShareChannel> {
  return {
    'share:status': async () => core.shareStatus(),
    'share:chooseFolder': async () => {
      const folder = await deps.chooseFolder(core.shareStatus().folder);
      return folder === undefined ? null : core.shareStart(folder);
    },
    'share:set': ({ folder }) => core.shareStart(folder),
    'share:off': () => core.shareStop(),
    'share:check': () => core.shareSync(),
  };
}

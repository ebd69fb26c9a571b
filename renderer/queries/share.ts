import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ShareStatus } from '../../electron/shared/types';
import { studyline } from '../lib/studyline-api';
import { keys, mutationKeys } from './keys';

/** Sharing progress across computers, as the core sees it now (`share:changed` keeps it fresh). */
export function useShareStatus() {
  return useQuery({
    queryKey: keys.share(),
    queryFn: () => studyline()['share:status'](),
  });
}

/** Choose a folder (main's dialog), look at the folder now, or stop sharing. */
export type ShareAction = 'choose' | 'check' | 'off';

async function run(action: ShareAction): Promise<ShareStatus | null> {
  const api = studyline();
  if (action === 'choose') return api['share:chooseFolder']();
  if (action === 'off') return api['share:off']();
  return api['share:check']();
}

/**
 * One sharing action at a time. The reply is the status right after it, shown
 * at once; the core's `share:changed` tells the same to every listener. A null
 * reply means the learner closed the folder dialog: nothing changed.
 */
export function useShareAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.share(),
    mutationFn: run,
    onSuccess: (status) => {
      if (status) queryClient.setQueryData(keys.share(), status);
    },
  });
}

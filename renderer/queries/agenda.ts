import { useQuery } from '@tanstack/react-query';
import { studyline } from '../lib/studyline-api';
import { keys } from './keys';

/** The agenda covers two weeks: what a learner plans around. */
export const AGENDA_DAYS = 14;

/** What is due, day by day, across every course followed. */
export function useAgenda() {
  return useQuery({
    queryKey: keys.agenda(),
    queryFn: () => studyline()['agenda:get'](AGENDA_DAYS),
  });
}

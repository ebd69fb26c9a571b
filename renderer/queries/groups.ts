import { useQuery } from '@tanstack/react-query';
import { studyline } from '../lib/studyline-api';
import { keys } from './keys';

export function useGroups(courseId: string) {
  return useQuery({
    queryKey: keys.groups(courseId),
    queryFn: () => studyline()['groups:list'](courseId),
  });
}

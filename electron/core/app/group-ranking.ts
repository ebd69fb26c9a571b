import type { GroupActivity, GroupView } from '../../shared/types';

type Ranked = Pick<GroupView, 'id' | 'activity' | 'postsLast7Days' | 'lastPostAt'>;

/**
 * Where a learner is most likely to get an answer soon. A group known to be
 * busy beats one we know nothing about (a live page without a feed, a feed
 * not synced yet), which beats one known to be quiet; a group whose feed fails
 * comes last, and a closed group is never a place to ask.
 */
const RANK: Record<GroupActivity, number> = {
  active: 0,
  'no-feed': 1,
  'not-synced': 1,
  quiet: 2,
  error: 3,
  closed: Number.POSITIVE_INFINITY,
};

/** Negative when `a` is the better place to ask; the course's own order breaks ties. */
function compare(a: Ranked, b: Ranked): number {
  const byActivity = RANK[a.activity] - RANK[b.activity];
  if (byActivity !== 0) return byActivity;
  if (a.activity === 'active') return b.postsLast7Days - a.postsLast7Days;
  if (a.activity === 'quiet') return (b.lastPostAt ?? '').localeCompare(a.lastPostAt ?? '');
  return 0;
}

/** The one group to ask first, or undefined when every group is closed (or there is none). */
export function recommendedGroupId(groups: readonly Ranked[]): string | undefined {
  let best: Ranked | undefined;
  for (const group of groups) {
    if (group.activity === 'closed') continue;
    // Strictly better only: on a tie the group listed first (the course's own) stays.
    if (!best || compare(group, best) < 0) best = group;
  }
  return best?.id;
}

/** True when `candidate` is clearly a better place to ask: quiet never counts as busier than quiet. */
export function isLivelier(candidate: Ranked, group: Ranked): boolean {
  return RANK[candidate.activity] < RANK[group.activity];
}

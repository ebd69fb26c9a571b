import type { ShareStatus } from '../../shared/types';
import { wallOf } from './hlc';
import type { FolderLog } from './share-folder';
import type { ShareProblem } from './share-problems';

/**
 * What the window and `studyline share` say about sharing, computed from the
 * last look at the shared folder.
 */
export function describeShare(input: {
  folder?: string;
  self: { id: string; name: string };
  logs: readonly FolderLog[];
  problem?: ShareProblem;
  pending: boolean;
  checkedAt?: string;
  now: Date;
}): ShareStatus {
  const { folder, self, logs, now } = input;
  const others = new Map<string, { id: string; name: string; lastChangeAt?: string }>();
  let latest: number | undefined;
  for (const { log } of logs) {
    if (!log.header) continue;
    // A clock running ahead must not make a change look as if it came from the future.
    const wall =
      log.maxStamp !== undefined ? Math.min(wallOf(log.maxStamp), now.getTime()) : undefined;
    if (wall !== undefined) latest = Math.max(latest ?? wall, wall);
    if (log.header.device === self.id) continue;
    const at = wall === undefined ? undefined : new Date(wall).toISOString();
    const known = others.get(log.header.device);
    if (!known)
      others.set(log.header.device, {
        id: log.header.device,
        name: log.header.name,
        lastChangeAt: at,
      });
    else if (at && (!known.lastChangeAt || at > known.lastChangeAt)) known.lastChangeAt = at;
  }
  return {
    on: folder !== undefined,
    folder,
    computer: self,
    others: [...others.values()].sort((a, b) => a.name.localeCompare(b.name)),
    lastChangeAt: latest === undefined ? undefined : new Date(latest).toISOString(),
    checkedAt: input.checkedAt,
    waiting: logs.filter(({ log }) => log.incomplete).length,
    pending: input.pending,
    problem: input.problem,
  };
}

/** "3 min ago", "2 hours ago", "yesterday", "on 12 Nov": how long since a change. */
export function ago(iso: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 30) return `${days} days ago`;
  const date = new Date(iso);
  const month = date.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `on ${date.getUTCDate()} ${month} ${date.getUTCFullYear()}`;
}

/** One line for the learner: "In step with 2 other computers · last change 3 min ago". */
export function shareSummary(status: ShareStatus, now: Date): string {
  if (!status.on) return 'Your progress stays on this computer.';
  if (status.problem) return status.problem.message;
  const count = status.others.length;
  const who =
    count === 0
      ? 'Sharing; no other computer has joined yet'
      : `In step with ${count === 1 ? '1 other computer' : `${count} other computers`}`;
  const last = status.lastChangeAt ? ` · last change ${ago(status.lastChangeAt, now)}` : '';
  const waiting =
    status.waiting > 0
      ? ` · waiting for ${status.waiting === 1 ? 'a file' : `${status.waiting} files`} still being copied`
      : '';
  const pending = status.pending ? ' · saving your latest changes' : '';
  return `${who}${last}${waiting}${pending}`;
}

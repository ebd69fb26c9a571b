import type { ShareStatus } from '../../electron/shared/types';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 minutes ago", "yesterday", "il y a 3 minutes": in the learner's own language. */
export function sinceText(iso: string, now: Date, locale?: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  // A clock running ahead elsewhere must not make a change look as if it came from the future.
  let amount = Math.max(0, (now.getTime() - Date.parse(iso)) / 1000);
  if (amount < 45) return format.format(0, 'minute');
  for (const [unit, size] of UNITS) {
    if (amount < size) return format.format(-Math.round(amount), unit);
    amount /= size;
  }
  return format.format(-Math.round(amount), 'year');
}

/**
 * The latest change that came from another computer: what "in step with" is
 * about. This computer's own changes (all of them, logged when it joined) would
 * make it always read "this minute".
 */
function lastFromOthers(status: ShareStatus): string | undefined {
  const times = status.others.flatMap((other) => (other.lastChangeAt ? [other.lastChangeAt] : []));
  return times.sort().at(-1);
}

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/**
 * The sharing line the settings show: whether it is on, with how many other
 * computers, how long since the last change, and what is still arriving.
 * A problem is told separately, as an alert.
 */
export function shareLine(status: ShareStatus, now: Date, locale?: string): string {
  if (!status.on) return 'Off: your progress stays on this computer.';
  // The problem itself is told beside this line, in the core's words.
  if (status.problem) return 'Not in step with your other computers right now.';
  const parts: string[] = [];
  if (status.others.length === 0) {
    parts.push(
      'Waiting for your other computers: none has joined this folder yet. ' +
        'Turn this on with the same folder on each of them.',
    );
  } else {
    parts.push(`In step with ${count(status.others.length, 'other computer', 'other computers')}`);
    const last = lastFromOthers(status);
    if (last) parts.push(`last change ${sinceText(last, now, locale)}`);
  }
  if (status.waiting > 0) {
    parts.push(`${count(status.waiting, 'change', 'changes')} still arriving`);
  }
  if (status.pending) parts.push('saving your latest changes');
  return parts.join(' · ');
}

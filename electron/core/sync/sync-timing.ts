/**
 * How far an automatic sync strays from its interval, each way. Installs
 * started at the same moment (a class, a newsletter) would otherwise hit
 * the course's blog together every few hours, forever.
 */
export const SYNC_JITTER = 0.1;

/** The wait before the next automatic sync: the interval ± 10%, chosen afresh each time. */
export function jitteredDelay(intervalMs: number, random: () => number = Math.random): number {
  return Math.round(intervalMs * (1 - SYNC_JITTER + 2 * SYNC_JITTER * random()));
}

/**
 * Marks (done, star, note) are shown at once and saved in the background.
 * While any is still being saved, a re-read of the list could answer from
 * before it and flip a checkbox back for a moment; so re-reads wait, and the
 * last save to finish asks for one re-read of everything.
 */
let pending = 0;
const settledListeners = new Set<() => void>();

export function writesPending(): boolean {
  return pending > 0;
}

export async function trackWrite<T>(write: Promise<T>): Promise<T> {
  pending += 1;
  try {
    return await write;
  } finally {
    pending -= 1;
    if (pending === 0) settledListeners.forEach((listener) => listener());
  }
}

/** Called each time the last pending save finishes; returns the unsubscribe. */
export function onWritesSettled(listener: () => void): () => void {
  settledListeners.add(listener);
  return () => void settledListeners.delete(listener);
}

/**
 * Background preparation a core does a little after it opens (the app's
 * search index): the front end's first reads get the CPU first. The timer
 * never keeps a command alive, and closing cancels it.
 */
export function afterOpening(delayMs: number, prepare: () => void): { cancel(): void } {
  const timer = setTimeout(prepare, delayMs);
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
}

/**
 * Where focus goes when what held it disappears (a closed bar, a finished
 * action): the reader, else the email list, else the screen's heading. Never
 * the page body, where a keyboard user would have to start over.
 */
export function focusSomewhereSensible(): void {
  const candidates = ['reader', 'email-list'].map((id) => document.getElementById(id));
  const heading = document.querySelector<HTMLElement>('h1');
  if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  const target = [...candidates, heading].find((element) => element?.isConnected);
  target?.focus();
}

/** Runs `focusSomewhereSensible` after React drew the change, if focus was lost meanwhile. */
export function keepFocusAfterChange(within?: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    if (lost || (within && within.contains(active))) focusSomewhereSensible();
  });
}

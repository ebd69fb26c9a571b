/** What a key press means in the library, before anything is done about it. Pure: tested alone. */
export type KeyAction =
  | 'cursor-down'
  | 'cursor-up'
  | 'page-down'
  | 'page-up'
  | 'first'
  | 'last'
  | 'open'
  | 'toggle-done'
  | 'done-next'
  | 'next'
  | 'previous'
  | 'star'
  | 'open-in-browser'
  | 'read-on'
  | 'read-back'
  | 'groups'
  | 'agenda'
  | 'shortcuts'
  | 'search'
  | 'sync'
  | 'undo';

/** Where the key was pressed: the email list, the reader (or nowhere in particular), or a control. */
export type KeyPlace = 'list' | 'reader' | 'control';

export interface KeyPress {
  key: string;
  shift: boolean;
  /** Ctrl, or ⌘ on a Mac. */
  command: boolean;
}

const LETTERS: Record<string, KeyAction> = {
  j: 'cursor-down',
  k: 'cursor-up',
  x: 'toggle-done',
  d: 'done-next',
  n: 'next',
  p: 'previous',
  s: 'star',
  o: 'open-in-browser',
  g: 'groups',
  a: 'agenda',
  r: 'sync',
  '?': 'shortcuts',
  '/': 'search',
};

const LIST_KEYS: Record<string, KeyAction> = {
  ArrowDown: 'cursor-down',
  ArrowUp: 'cursor-up',
  PageDown: 'page-down',
  PageUp: 'page-up',
  Home: 'first',
  End: 'last',
  Enter: 'open',
};

export function keyAction(
  { key, shift, command }: KeyPress,
  place: KeyPlace,
): KeyAction | undefined {
  if (command) {
    const lower = key.toLowerCase();
    if (lower === 'r' && !shift) return 'sync';
    if (lower === 'f' && !shift) return 'search';
    if (lower === 'z' && !shift) return 'undo';
    return undefined;
  }
  // Space reads on from the list and the reader; on a button or a link it presses it, as always.
  if (key === ' ') {
    if (place === 'control') return undefined;
    return shift ? 'read-back' : 'read-on';
  }
  if (place === 'list' && LIST_KEYS[key]) return LIST_KEYS[key];
  // Caps Lock gives "J": still j.
  const letter = key.length === 1 ? key.toLowerCase() : key;
  return Object.hasOwn(LETTERS, letter) ? LETTERS[letter] : undefined;
}

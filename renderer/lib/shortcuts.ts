/** Every key of the library, as the shortcut sheet lists them and the key handler reads them. */
export interface Shortcut {
  keys: string[];
  does: string;
}

export const SHORTCUT_GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: 'Reading',
    shortcuts: [
      { keys: ['Space'], does: 'Scroll the email; at its end, the next email to do' },
      { keys: ['Shift', 'Space'], does: 'Scroll back; at the top, the previous email to do' },
      { keys: ['D'], does: 'Done & next' },
      { keys: ['N'], does: 'Next email not done' },
      { keys: ['P'], does: 'Previous email not done' },
      { keys: ['X'], does: 'Mark done, or not done' },
      { keys: ['S'], does: 'Star, or unstar' },
      { keys: ['O'], does: 'Open the email in your browser' },
    ],
  },
  {
    title: 'The list',
    shortcuts: [
      { keys: ['J'], does: 'Move down (or ↓ in the list)' },
      { keys: ['K'], does: 'Move up (or ↑ in the list)' },
      { keys: ['Enter'], does: 'Open the email under the cursor' },
      { keys: ['Home'], does: 'First email (End: the last)' },
    ],
  },
  {
    title: 'Everywhere',
    shortcuts: [
      { keys: ['/'], does: 'Search (also Ctrl+F, or ⌘F on a Mac)' },
      { keys: ['G'], does: 'Show or hide the study groups' },
      { keys: ['A'], does: 'Agenda of the next 14 days' },
      { keys: ['R'], does: 'Sync now (also Ctrl+R)' },
      { keys: ['Ctrl', 'Z'], does: 'Undo “done up to here” or “stop following”' },
      { keys: ['?'], does: 'This list of keys' },
      { keys: ['Esc'], does: 'Close any pop-up or dialog' },
    ],
  },
];

import { SHORTCUT_GROUPS } from '../lib/shortcuts';
import { useUiActions } from '../stores/useUiStore';
import { Dialog } from './Dialog';

/** `?`: every key of the library on one sheet. */
export function ShortcutSheet() {
  const { closeDialog } = useUiActions();
  return (
    <Dialog
      title="Keyboard shortcuts"
      subtitle="Letters work anywhere but in a text field."
      onClose={closeDialog}
      className="shortcut-sheet"
    >
      {SHORTCUT_GROUPS.map((group) => (
        <section
          key={group.title}
          className="shortcut-group"
          aria-labelledby={`keys-${group.title}`}
        >
          <h3 id={`keys-${group.title}`}>{group.title}</h3>
          <dl className="shortcut-list">
            {group.shortcuts.map((shortcut) => (
              <div key={shortcut.does} className="shortcut">
                <dt>
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && ' + '}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{shortcut.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}

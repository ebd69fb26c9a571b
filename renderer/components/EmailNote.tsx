import { useEffect, useId, useRef, useState } from 'react';
import type { Email } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { useSaveNote } from '../queries/emails';

const SAVE_AFTER_MS = 800;

type NoteStatus = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string };

/**
 * The learner's own note on an email, saved a moment after they stop typing
 * and when they leave the field; switching emails saves what was typed.
 */
export function EmailNote({ email }: { email: Email }) {
  const saveNote = useSaveNote();
  const [draft, setDraft] = useState(email.note ?? '');
  const [status, setStatus] = useState<NoteStatus>({ kind: 'idle' });
  const saved = useRef(email.note ?? '');
  const latest = useRef({ emailId: email.id, draft });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const fieldId = useId();

  const save = async () => {
    clearTimeout(timer.current);
    const { emailId, draft: text } = latest.current;
    if (text.trim() === saved.current.trim()) return;
    setStatus({ kind: 'saving' });
    try {
      await saveNote.mutateAsync({ emailId, note: text });
    } catch (error) {
      return setStatus({ kind: 'error', message: errorText(error) });
    }
    saved.current = text;
    setStatus({ kind: 'saved' });
  };
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

  // Leaving the email (or the app screen) keeps what was typed.
  useEffect(() => () => void saveRef.current(), []);

  const onChange = (text: string) => {
    setDraft(text);
    latest.current = { emailId: email.id, draft: text };
    setStatus({ kind: 'idle' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), SAVE_AFTER_MS);
  };

  return (
    <section className="email-note" aria-labelledby={`${fieldId}-label`}>
      <label id={`${fieldId}-label`} htmlFor={fieldId} className="email-note-label">
        Your note
      </label>
      <textarea
        id={fieldId}
        value={draft}
        rows={3}
        maxLength={20_000}
        placeholder="What to remember, what to ask your study group…"
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => void save()}
      />
      <p className={`email-note-status${status.kind === 'error' ? ' is-error' : ''}`} role="status">
        {status.kind === 'saving' && 'Saving…'}
        {status.kind === 'saved' && 'Note saved.'}
        {status.kind === 'error' && status.message}
      </p>
    </section>
  );
}

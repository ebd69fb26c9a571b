import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { addOwnGroup } from '../queries/course-actions';
import { keys } from '../queries/keys';

type Field = 'name' | 'liveUrl' | 'feedUrl';
type Problems = Partial<Record<Field, string>>;

const WEB = /^https?:\/\/\S+\.\S+/i;

/** "discord.gg/python" means https://discord.gg/python, as a browser's address bar reads it. */
function asWebAddress(text: string): string {
  const trimmed = text.trim();
  return !trimmed || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** What the form can tell before asking the core (which checks again, as `add-group` does). */
function check(values: Record<Field, string>): Problems {
  const problems: Problems = {};
  if (!values.name.trim()) problems.name = 'Give the group a name.';
  if (!WEB.test(asWebAddress(values.liveUrl)))
    problems.liveUrl =
      'Paste the web address where learners ask, such as https://discuss.example.org/c/help';
  const feed = asWebAddress(values.feedUrl);
  if (feed && !WEB.test(feed)) problems.feedUrl = 'This is not a web address (or leave it empty).';
  return problems;
}

/** The learner's own study group (a Discord, a forum, a chat): name, live page, optional feed. */
export function AddGroupForm({ courseId, onAdded }: { courseId: string; onAdded: () => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({
    name: '',
    liveUrl: '',
    feedUrl: '',
  });
  const [problems, setProblems] = useState<Problems>({});
  const [refused, setRefused] = useState<string>();
  const [busy, setBusy] = useState(false);
  const refs = {
    name: useRef<HTMLInputElement>(null),
    liveUrl: useRef<HTMLInputElement>(null),
    feedUrl: useRef<HTMLInputElement>(null),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = check(values);
    setProblems(found);
    setRefused(undefined);
    const first = (Object.keys(found) as Field[])[0];
    if (first) return refs[first].current?.focus();
    setBusy(true);
    const feedUrl = asWebAddress(values.feedUrl);
    const { groups, problem: error } = await addOwnGroup(courseId, {
      name: values.name.trim(),
      liveUrl: asWebAddress(values.liveUrl),
      ...(feedUrl ? { feedUrl } : {}),
    });
    setBusy(false);
    if (error) {
      setRefused(error);
      return refs.liveUrl.current?.focus();
    }
    // Listed at once; the core's library:changed event confirms it.
    if (groups) queryClient.setQueryData(keys.groups(courseId), groups);
    setValues({ name: '', liveUrl: '', feedUrl: '' });
    onAdded();
  };

  const field = (name: Field, label: string, hint?: string) => {
    const problem = problems[name];
    return (
      <div className="form-field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          ref={refs[name]}
          id={`${id}-${name}`}
          type="text"
          inputMode={name === 'name' ? 'text' : 'url'}
          autoComplete="off"
          spellCheck={name === 'name'}
          value={values[name]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem || hint ? `${id}-${name}-note` : undefined}
          onChange={(event) => setValues({ ...values, [name]: event.target.value })}
        />
        {(problem || hint) && (
          <p id={`${id}-${name}-note`} className={problem ? 'field-error' : 'field-hint'}>
            {problem ?? hint}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="add-group-form" onSubmit={(event) => void submit(event)} noValidate>
      {field('name', 'Name')}
      {field('liveUrl', 'Web address to ask in')}
      {field('feedUrl', 'Feed address (optional)', 'Its latest posts then show here.')}
      {refused && (
        <p className="form-error" role="alert">
          {refused}
        </p>
      )}
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? 'Adding…' : 'Add the group'}
      </button>
    </form>
  );
}

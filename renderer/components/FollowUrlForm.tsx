import { useEffect, useRef, useState } from 'react';

interface FollowUrlFormProps {
  busy: boolean;
  /** Why the last address could not be followed, shown at the field. */
  problem?: string;
  onFollow: (url: string) => void;
  onEdit: () => void;
}

/** Any course archive on the web: a blog, one of its categories, or a feed. */
export function FollowUrlForm({ busy, problem, onFollow, onEdit }: FollowUrlFormProps) {
  const [url, setUrl] = useState('');
  const field = useRef<HTMLInputElement>(null);

  // A refused address: the learner is taken back to the field, which says why.
  useEffect(() => {
    if (problem) field.current?.focus();
  }, [problem]);

  return (
    <form
      className="follow-url"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (url.trim() && !busy) onFollow(url.trim());
      }}
    >
      <label htmlFor="follow-url-input">
        Or paste the address of a course blog, category or feed
      </label>
      <div className="follow-url-row">
        <input
          ref={field}
          id="follow-url-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          inputMode="url"
          placeholder="https://example.wordpress.com/category/my-course/"
          value={url}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'follow-url-error' : undefined}
          onChange={(event) => {
            setUrl(event.target.value);
            if (problem) onEdit();
          }}
        />
        <button
          type="submit"
          className="button"
          disabled={!url.trim()}
          aria-disabled={busy || undefined}
        >
          {busy ? 'Following…' : 'Follow'}
        </button>
      </div>
      {problem && (
        <p id="follow-url-error" className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

import { useState } from 'react';

interface FollowUrlFormProps {
  busy: boolean;
  onFollow: (url: string) => void;
}

/** Any course archive on the web: a blog, one of its categories, or a feed. */
export function FollowUrlForm({ busy, onFollow }: FollowUrlFormProps) {
  const [url, setUrl] = useState('');
  return (
    <form
      className="follow-url"
      onSubmit={(event) => {
        event.preventDefault();
        if (url.trim()) onFollow(url.trim());
      }}
    >
      <label htmlFor="follow-url-input">
        Or paste the address of a course blog, category or feed
      </label>
      <div className="follow-url-row">
        <input
          id="follow-url-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          inputMode="url"
          placeholder="https://example.wordpress.com/category/my-course/"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
        <button type="submit" className="button" disabled={busy || !url.trim()}>
          Follow
        </button>
      </div>
    </form>
  );
}

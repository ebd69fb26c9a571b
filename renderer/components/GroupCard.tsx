import type { GroupView } from '../../electron/shared/types';
import { relativeTime } from '../lib/dates';
import { isWebUrl } from '../lib/links';

interface GroupCardProps {
  group: GroupView;
  now: Date;
  onLink: (href: string) => void;
}

function activityText(group: GroupView, now: Date): string {
  switch (group.activity) {
    case 'active':
      return `Active · ${group.postsLast7Days} post${group.postsLast7Days === 1 ? '' : 's'} this week`;
    case 'quiet':
      return group.lastPostAt
        ? `Quiet · last post ${relativeTime(group.lastPostAt, now)}`
        : 'Quiet · no posts yet';
    case 'no-feed':
      return 'Live page only';
    case 'not-synced':
      return 'Not synced yet';
    case 'error':
      return 'Latest posts unavailable';
    case 'closed':
      return 'Closed';
  }
}

function LatestPosts({ group, now, onLink }: GroupCardProps) {
  if (group.latestPosts.length === 0) return null;
  const closed = group.activity === 'closed';
  return (
    <ul
      className="group-posts"
      aria-label={`${closed ? 'Last posts' : 'Latest posts'} in ${group.name}`}
    >
      {group.latestPosts.map((post) => (
        <li key={post.id} className="group-post">
          {isWebUrl(post.link) && !closed ? (
            <a
              className="group-post-title"
              href={post.link}
              onClick={(event) => {
                event.preventDefault();
                onLink(post.link ?? '');
              }}
            >
              {post.title || 'Untitled post'}
            </a>
          ) : (
            <span className="group-post-title">{post.title || 'Untitled post'}</span>
          )}
          <span className="group-post-meta">
            {post.publishedAt && (
              <time dateTime={post.publishedAt}>{relativeTime(post.publishedAt, now)}</time>
            )}
            {post.author && <span>{post.author}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Where to go instead of a quiet group (a button) or a closed one (words only: never "Ask" there). */
function Instead({ group, onLink }: Omit<GroupCardProps, 'now'>) {
  const fallback = group.fallback;
  if (!group.suggestFallback || !fallback) return null;
  if (group.activity === 'closed') {
    return (
      <p className="group-instead">
        Ask in <strong>{fallback.name}</strong> instead.
      </p>
    );
  }
  return (
    <div className="group-fallback">
      <p>
        It is quiet here lately. <strong>{fallback.name}</strong> is busier and may answer sooner.
      </p>
      <button
        type="button"
        className="button button-small"
        onClick={() => onLink(fallback.liveUrl)}
      >
        Ask in {fallback.name}
      </button>
    </div>
  );
}

/**
 * One study group: how lively it is, its latest posts and a secondary way to
 * open it (the one primary "Ask" is above the cards, for the recommended group).
 * A closed group is history: its last posts, why it closed, and no button.
 */
export function GroupCard({ group, now, onLink }: GroupCardProps) {
  const headingId = `group-${group.id}`;
  const closed = group.activity === 'closed';
  return (
    <section className={`group-card activity-${group.activity}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="group-name">
        {group.name}
        {group.recommended && <span className="group-badge">Ask here first</span>}
      </h3>
      <p className="group-activity">
        <span className="activity-dot" aria-hidden="true" />
        {activityText(group, now)}
      </p>
      {closed && <p className="group-closed-note">{group.closedNote}</p>}
      {group.activity === 'error' && group.error && <p className="group-error">{group.error}</p>}
      {group.description && <p className="group-description">{group.description}</p>}
      <LatestPosts group={group} now={now} onLink={onLink} />
      <Instead group={group} onLink={onLink} />
      {!closed && (
        <button
          type="button"
          className="button button-small group-open"
          onClick={() => onLink(group.liveUrl)}
          aria-label={`Open group: ${group.name}`}
        >
          Open group
        </button>
      )}
    </section>
  );
}

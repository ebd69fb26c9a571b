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
  return (
    <ul className="group-posts" aria-label={`Latest posts in ${group.name}`}>
      {group.latestPosts.map((post) => (
        <li key={post.id} className="group-post">
          {isWebUrl(post.link) ? (
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

/** One study group: how lively it is, its latest posts and a way to ask for help. */
export function GroupCard({ group, now, onLink }: GroupCardProps) {
  const headingId = `group-${group.id}`;
  return (
    <section className={`group-card activity-${group.activity}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="group-name">
        {group.name}
      </h3>
      <p className="group-activity">
        <span className="activity-dot" aria-hidden="true" />
        {activityText(group, now)}
      </p>
      {group.activity === 'error' && group.error && <p className="group-error">{group.error}</p>}
      {group.description && <p className="group-description">{group.description}</p>}
      <LatestPosts group={group} now={now} onLink={onLink} />
      {group.suggestFallback && group.fallback && (
        <div className="group-fallback">
          <p>
            It is quiet here lately. <strong>{group.fallback.name}</strong> is busier and may answer
            sooner.
          </p>
          <button
            type="button"
            className="button"
            onClick={() => onLink(group.fallback?.liveUrl ?? '')}
          >
            Ask in {group.fallback.name}
          </button>
        </div>
      )}
      <button
        type="button"
        className="button button-primary group-ask"
        onClick={() => onLink(group.liveUrl)}
        aria-label={`Ask for help in ${group.name}`}
      >
        Ask for help
      </button>
    </section>
  );
}

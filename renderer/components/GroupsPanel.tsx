import { useNow } from '../hooks/useNow';
import { errorText } from '../lib/error-text';
import { useGroups } from '../queries/groups';
import { useUiActions } from '../stores/useUiStore';
import { GroupCard } from './GroupCard';
import { StateMessage } from './StateMessage';

/** Where to ask when stuck: the course's study groups beside the email. */
export function GroupsPanel({ courseId }: { courseId: string }) {
  const query = useGroups(courseId);
  const groups = query.data;
  const { openLink } = useUiActions();
  const now = useNow();

  let body;
  // A failed re-read keeps the groups on screen; only no groups at all is an error.
  if (query.isError && !groups) {
    const retry = (
      <button type="button" className="button" onClick={() => void query.refetch()}>
        Retry
      </button>
    );
    body = (
      <StateMessage tone="error" title="The study groups could not be loaded" action={retry}>
        {errorText(query.error)}
      </StateMessage>
    );
  } else if (!groups) {
    body = <StateMessage tone="loading" title="Loading study groups…" />;
  } else if (groups.length === 0) {
    body = (
      <StateMessage title="No study groups for this course">
        When a course lists groups, they appear here.
      </StateMessage>
    );
  } else {
    body = groups.map((group) => (
      <GroupCard key={group.id} group={group} now={now} onLink={(href) => void openLink(href)} />
    ));
  }

  return (
    <aside className="pane pane-groups" aria-labelledby="groups-title">
      <header className="pane-header">
        <h2 id="groups-title">Study groups</h2>
        <p className="pane-subtitle">Stuck? Ask people learning this too.</p>
      </header>
      <div className="groups-list">{body}</div>
    </aside>
  );
}

import { useNow } from '../hooks/useNow';
import { useGroupsActions, useGroupsStore } from '../stores/useGroupsStore';
import { useUiActions } from '../stores/useUiStore';
import { GroupCard } from './GroupCard';
import { StateMessage } from './StateMessage';

/** Where to ask when stuck: the course's study groups beside the email. */
export function GroupsPanel({ courseId }: { courseId: string }) {
  const groups = useGroupsStore((s) => s.groups);
  const state = useGroupsStore((s) => s.state);
  const error = useGroupsStore((s) => s.error);
  const { load } = useGroupsActions();
  const { openLink } = useUiActions();
  const now = useNow();

  let body;
  if (state === 'error') {
    const retry = (
      <button type="button" className="button" onClick={() => void load(courseId)}>
        Retry
      </button>
    );
    body = (
      <StateMessage tone="error" title="The study groups could not be loaded" action={retry}>
        {error}
      </StateMessage>
    );
  } else if (groups.length === 0 && state !== 'ready') {
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

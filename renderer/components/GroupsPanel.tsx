import { useState } from 'react';
import type { ReactNode } from 'react';
import type { GroupView } from '../../electron/shared/types';
import { useNow } from '../hooks/useNow';
import { useGroups } from '../queries/groups';
import { useLayoutActions } from '../stores/useLayoutStore';
import { useUiActions } from '../stores/useUiStore';
import { AddGroupForm } from './AddGroupForm';
import { AskBox } from './AskBox';
import { Dialog } from './Dialog';
import { GroupCard } from './GroupCard';
import { LoadError, StateMessage } from './StateMessage';

function GroupList({ groups }: { groups: GroupView[] }) {
  const { openLink } = useUiActions();
  const now = useNow();
  const open = groups.filter((g) => g.activity !== 'closed');
  const closed = groups.filter((g) => g.activity === 'closed');
  const recommended = open.find((g) => g.recommended);
  const card = (group: GroupView) => (
    <GroupCard key={group.id} group={group} now={now} onLink={(href) => void openLink(href)} />
  );
  return (
    <>
      {recommended ? (
        <AskBox group={recommended} />
      ) : (
        <p className="groups-none-open">
          None of this course’s groups is open any more. Add one you know below.
        </p>
      )}
      {open.map(card)}
      {closed.length > 0 && (
        <details className="closed-groups">
          <summary>Closed groups ({closed.length}): history, not a place to ask</summary>
          <div className="closed-groups-list">{closed.map(card)}</div>
        </details>
      )}
    </>
  );
}

/** Adding the learner's own group, folded away until wanted. */
function AddGroup({ courseId }: { courseId: string }) {
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState(false);
  return (
    <details
      className="add-group"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>Add your own group</summary>
      <AddGroupForm courseId={courseId} onAdded={() => setAdded(true)} />
      <p className="add-group-done" role="status">
        {added ? 'Group added. It is listed above.' : ''}
      </p>
    </details>
  );
}

/** The groups of the course: ask first where it is liveliest, then every group, then your own. */
function GroupsContent({ courseId }: { courseId: string }) {
  const query = useGroups(courseId);
  const groups = query.data;

  let body;
  // A failed re-read keeps the groups on screen; only no groups at all is an error.
  if (query.isError && !groups) {
    body = (
      <LoadError
        title="The study groups could not be loaded"
        error={query.error}
        onRetry={() => void query.refetch()}
        retryLabel="Retry"
      />
    );
  } else if (!groups) {
    body = <StateMessage tone="loading" title="Loading study groups…" />;
  } else if (groups.length === 0) {
    body = (
      <StateMessage title="No study groups for this course">
        Add one you know below: a forum, a chat, a subreddit.
      </StateMessage>
    );
  } else body = <GroupList groups={groups} />;

  return (
    <div className="groups-list">
      {body}
      <AddGroup courseId={courseId} />
    </div>
  );
}

interface GroupsPanelProps {
  courseId: string;
  id: string;
  /** The splitter on the pane's edge (inside the landmark, so nothing is outside one). */
  edge?: ReactNode;
}

/** Where to ask when stuck: the course's study groups, a column beside the email. */
export function GroupsPanel({ courseId, id, edge }: GroupsPanelProps) {
  const { setGroupsOpen } = useLayoutActions();
  return (
    <aside id={id} className="pane pane-groups" aria-labelledby="groups-title">
      {edge}
      <header className="pane-header groups-header">
        <h2 id="groups-title">Study groups</h2>
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={() => {
            setGroupsOpen(false);
            document.getElementById('reader')?.focus();
          }}
        >
          Hide
        </button>
      </header>
      <GroupsContent courseId={courseId} />
    </aside>
  );
}

/** The same groups in a narrow window: a drawer from the right, closed with Esc or outside. */
export function GroupsDrawer({ courseId, id }: { courseId: string; id: string }) {
  const { setDrawerOpen } = useLayoutActions();
  return (
    <Dialog
      id={id}
      title="Study groups"
      subtitle="Stuck? Ask people learning this too."
      onClose={() => setDrawerOpen(false)}
      className="drawer"
    >
      <GroupsContent courseId={courseId} />
    </Dialog>
  );
}

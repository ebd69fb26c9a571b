import { useViewportWidth } from '../hooks/useViewportWidth';
import { WIDE_MIN } from '../lib/pane-layout';
import { useLayoutActions, useLayoutStore } from '../stores/useLayoutStore';
import { useUiActions } from '../stores/useUiStore';
import { CourseMenu } from './CourseMenu';
import { SearchField } from './SearchField';
import { SourceStatusList } from './SourceStatusList';
import { SyncControl } from './SyncControl';

/** In a wide window the groups are a column that can be hidden; in a narrow one, a drawer. */
function GroupsToggle() {
  const wide = useViewportWidth() >= WIDE_MIN;
  const groupsOpen = useLayoutStore((s) => s.groupsOpen);
  const drawerOpen = useLayoutStore((s) => s.drawerOpen);
  const { setGroupsOpen, setDrawerOpen } = useLayoutActions();
  const expanded = wide ? groupsOpen : drawerOpen;
  return (
    <button
      type="button"
      className={`button button-quiet${expanded ? ' is-on' : ''}`}
      aria-expanded={expanded}
      aria-controls="groups-pane"
      aria-keyshortcuts="G"
      title="Study groups (G)"
      onClick={() => (wide ? setGroupsOpen(!groupsOpen) : setDrawerOpen(!drawerOpen))}
      // A narrow window needs the room for the course's name: the word that says most stays.
      aria-label={wide ? undefined : 'Study groups'}
    >
      {wide ? 'Study groups' : 'Groups'}
    </button>
  );
}

/** One line: the course, the study groups, the agenda, sources and sync, settings and keys. */
export function AppHeader() {
  const { openDialog } = useUiActions();
  return (
    <header className="app-header">
      <p className="brand">
        <span className="brand-mark" aria-hidden="true">
          S
        </span>
        <span className="brand-name">Studyline</span>
      </p>
      <CourseMenu />
      <SearchField />
      <div className="header-spacer" />
      <GroupsToggle />
      <button
        type="button"
        className="button button-quiet"
        onClick={() => openDialog('agenda')}
        aria-keyshortcuts="A"
        title="What is due in the next 14 days (A)"
      >
        Agenda
      </button>
      <SourceStatusList />
      <SyncControl />
      <button type="button" className="button button-quiet" onClick={() => openDialog('settings')}>
        Settings
      </button>
      <button
        type="button"
        className="button button-quiet header-keys"
        onClick={() => openDialog('shortcuts')}
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="Shift+?"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
    </header>
  );
}

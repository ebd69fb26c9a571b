import { useEffect } from 'react';
import { AgendaDialog } from '../components/AgendaDialog';
import { AppHeader } from '../components/AppHeader';
import { EmailListPane } from '../components/EmailListPane';
import { GroupsDrawer, GroupsPanel } from '../components/GroupsPanel';
import { PlanDialog } from '../components/PlanDialog';
import { READER_ID, ReadingPane } from '../components/ReadingPane';
import { SettingsDialog } from '../components/SettingsDialog';
import { ShortcutSheet } from '../components/ShortcutSheet';
import { SkipLink } from '../components/SkipLink';
import { Splitter } from '../components/Splitter';
import { StateMessage } from '../components/StateMessage';
import { StatusBanners } from '../components/StatusBanners';
import { TodayPanel } from '../components/TodayPanel';
import { EMAIL_LIST_ID, useKeyboardShortcuts } from '../hooks/useKeyboardShortcuts';
import { useOpenDueEmail } from '../hooks/useOpenDueEmail';
import { useViewportWidth } from '../hooks/useViewportWidth';
import { cssVars } from '../lib/css-vars';
import { DEFAULT_LAYOUT, GROUPS_LIMITS, LIST_LIMITS, shownWidths } from '../lib/pane-layout';
import { useActiveCourse } from '../queries/library';
import { useLayoutActions, useLayoutStore } from '../stores/useLayoutStore';
import { rememberShownCourse, useUiStore } from '../stores/useUiStore';

export const LIST_PANE_ID = 'list-pane';
export const GROUPS_PANE_ID = 'groups-pane';

/**
 * The window's keys, and the email due opening by itself. Their hooks follow
 * the open email, every mark and the sync: in a component of their own, each
 * change they follow redraws nothing else (in the view, it redrew every pane).
 */
function StudyLoop({ courseId }: { courseId: string | undefined }) {
  useOpenDueEmail(courseId);
  useKeyboardShortcuts(courseId);
  return null;
}

/** The everyday screen: the course's emails, the open email and its study groups. */
export function LibraryView() {
  const course = useActiveCourse();
  const dialog = useUiStore((s) => s.dialog);
  const layout = useLayoutStore();
  const { setListWidth, setGroupsWidth } = useLayoutActions();
  const viewport = useViewportWidth();
  const widths = shownWidths(layout, viewport);
  // The next launch opens on this course and asks for its emails with the library.
  const shownId = course?.id;
  useEffect(() => {
    if (shownId) rememberShownCourse(shownId);
  }, [shownId]);

  return (
    <div className="app-shell">
      <SkipLink targetId={READER_ID}>Skip to the email</SkipLink>
      <SkipLink targetId={EMAIL_LIST_ID}>Skip to the email list</SkipLink>
      <AppHeader />
      <StatusBanners />
      {course && <TodayPanel courseId={course.id} />}
      {course ? (
        <div
          className={`panes${widths.groups === undefined ? '' : ' has-groups'}`}
          style={cssVars({
            '--list-width': `${widths.list}px`,
            '--groups-width': `${widths.groups ?? 0}px`,
          })}
        >
          {/* Each splitter sits on its pane's inner edge, inside the pane's landmark. */}
          <EmailListPane
            course={course}
            id={LIST_PANE_ID}
            edge={
              <Splitter
                label="Resize the email list"
                controls={LIST_PANE_ID}
                width={widths.list}
                min={LIST_LIMITS.min}
                max={widths.listMax}
                direction={1}
                onResize={setListWidth}
                onReset={() => setListWidth(DEFAULT_LAYOUT.listWidth)}
              />
            }
          />
          <ReadingPane course={course} />
          {widths.groups !== undefined && (
            <GroupsPanel
              courseId={course.id}
              id={GROUPS_PANE_ID}
              edge={
                <Splitter
                  label="Resize the study groups"
                  controls={GROUPS_PANE_ID}
                  width={widths.groups}
                  min={GROUPS_LIMITS.min}
                  max={widths.groupsMax}
                  direction={-1}
                  onResize={setGroupsWidth}
                  onReset={() => setGroupsWidth(DEFAULT_LAYOUT.groupsWidth)}
                />
              }
            />
          )}
        </div>
      ) : (
        <StateMessage title="No course selected">Add a course to start reading.</StateMessage>
      )}
      {course && widths.groups === undefined && layout.drawerOpen && (
        <GroupsDrawer courseId={course.id} id={GROUPS_PANE_ID} />
      )}
      {dialog === 'settings' && <SettingsDialog />}
      {dialog === 'plan' && course && <PlanDialog course={course} />}
      {dialog === 'agenda' && <AgendaDialog />}
      {dialog === 'shortcuts' && <ShortcutSheet />}
      {/* Last: the due email takes the focus after the panes have set theirs up. */}
      <StudyLoop courseId={course?.id} />
    </div>
  );
}

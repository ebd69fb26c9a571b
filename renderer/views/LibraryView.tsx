import { AppHeader } from '../components/AppHeader';
import { EmailListPane } from '../components/EmailListPane';
import { GroupsPanel } from '../components/GroupsPanel';
import { PlanDialog } from '../components/PlanDialog';
import { READER_ID, ReadingPane } from '../components/ReadingPane';
import { SettingsDialog } from '../components/SettingsDialog';
import { SkipLink } from '../components/SkipLink';
import { StateMessage } from '../components/StateMessage';
import { StatusBanners } from '../components/StatusBanners';
import { TodayPanel } from '../components/TodayPanel';
import { EMAIL_LIST_ID, useKeyboardShortcuts } from '../hooks/useKeyboardShortcuts';
import { useActiveCourse } from '../queries/library';
import { useUiStore } from '../stores/useUiStore';

/** The everyday screen: the course's emails, the open email and its study groups. */
export function LibraryView() {
  const course = useActiveCourse();
  const dialog = useUiStore((s) => s.dialog);
  useKeyboardShortcuts(course?.id);

  return (
    <div className="app-shell">
      <SkipLink targetId={READER_ID}>Skip to the email</SkipLink>
      <SkipLink targetId={EMAIL_LIST_ID}>Skip to the email list</SkipLink>
      <AppHeader />
      <StatusBanners />
      {course && <TodayPanel courseId={course.id} />}
      {course ? (
        <div className="panes">
          <EmailListPane course={course} />
          <ReadingPane course={course} />
          <GroupsPanel courseId={course.id} />
        </div>
      ) : (
        <StateMessage title="No course selected">Add a course to start reading.</StateMessage>
      )}
      {dialog === 'settings' && <SettingsDialog />}
      {dialog === 'plan' && course && <PlanDialog course={course} />}
    </div>
  );
}

import { useActiveCourse, useCourses } from '../queries/library';
import { useUiActions } from '../stores/useUiStore';
import { SearchField } from './SearchField';
import { SourceStatusList } from './SourceStatusList';
import { SyncControl } from './SyncControl';

function CoursePicker() {
  const courses = useCourses();
  const activeCourseId = useActiveCourse()?.id;
  const { setActiveCourse } = useUiActions();
  if (courses.length < 2) return null;
  return (
    <label className="course-picker">
      <span className="visually-hidden">Course</span>
      <select value={activeCourseId} onChange={(event) => setActiveCourse(event.target.value)}>
        {courses.map((course) => (
          <option key={course.id} value={course.id}>
            {course.title}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Brand, course switcher, "add a course", settings and the sync control. */
export function AppHeader() {
  const { show, openDialog } = useUiActions();
  return (
    <header className="app-header">
      <p className="brand">
        <span className="brand-mark" aria-hidden="true">
          S
        </span>
        Studyline
      </p>
      <CoursePicker />
      <SearchField />
      <button type="button" className="button button-quiet" onClick={() => show('welcome')}>
        Add a course
      </button>
      <button type="button" className="button button-quiet" onClick={() => openDialog('settings')}>
        Settings
      </button>
      <SourceStatusList />
      <SyncControl />
    </header>
  );
}

import { unfollowCourse } from '../queries/course-actions';
import { useActiveCourse, useCourses } from '../queries/library';
import { useUiActions } from '../stores/useUiStore';
import { Popover } from './Popover';

/**
 * The course on screen, and the place to switch course, add one, or stop
 * following this one (with an undo: nothing the learner did is lost).
 */
export function CourseMenu() {
  const courses = useCourses();
  const active = useActiveCourse();
  const activeId = active?.id;
  const { setActiveCourse, show, setActionError } = useUiActions();
  if (!active) return null;
  return (
    <Popover
      id="course-menu"
      label="Your courses"
      buttonClassName="button button-quiet course-menu-button"
      buttonLabel={`Course: ${active.title}`}
      button={
        <>
          <span className="course-menu-title">{active.title}</span>
          <span aria-hidden="true">▾</span>
        </>
      }
      className="course-menu"
    >
      {(close) => (
        <>
          <p className="popover-title" id="course-menu-title">
            Your courses
          </p>
          <ul className="menu-list" aria-labelledby="course-menu-title">
            {courses.map((course) => (
              <li key={course.id}>
                <button
                  type="button"
                  className="menu-item"
                  aria-current={course.id === activeId ? 'true' : undefined}
                  onClick={() => {
                    setActiveCourse(course.id);
                    close();
                  }}
                >
                  <span className="menu-check" aria-hidden="true">
                    {course.id === activeId ? '✓' : ''}
                  </span>
                  {course.title}
                </button>
              </li>
            ))}
          </ul>
          <div className="menu-actions">
            <button type="button" className="button" onClick={() => show('welcome')}>
              Add a course…
            </button>
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                close();
                void unfollowCourse(active).then(setActionError);
              }}
            >
              Stop following this course
            </button>
          </div>
          <p className="menu-note">Stopping keeps your progress: follow it again, or Undo.</p>
        </>
      )}
    </Popover>
  );
}

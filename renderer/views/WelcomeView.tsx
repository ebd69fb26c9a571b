import { CourseChoice } from '../components/CourseChoice';
import { FollowUrlForm } from '../components/FollowUrlForm';
import { StateMessage } from '../components/StateMessage';
import { useFollowFlow } from '../hooks/useFollowFlow';
import { useCatalog, useCourses } from '../queries/library';
import { useUiActions } from '../stores/useUiStore';

/** First run (and "Add a course"): pick a course from the catalog or paste an address. */
export function WelcomeView() {
  const catalog = useCatalog().data;
  const courses = useCourses();
  const { show, setActiveCourse } = useUiActions();
  const { followAndSync, busy, problem, clearProblem } = useFollowFlow();
  const followed = new Set(
    courses.map((c) => c.sequenceId).filter((id): id is string => Boolean(id)),
  );
  const catalogCourses = catalog?.courses ?? [];

  return (
    <main className="welcome" id="welcome" aria-labelledby="welcome-title">
      <header className="welcome-header">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">
            S
          </span>
          Studyline
        </p>
        <h1 id="welcome-title">{courses.length ? 'Add a course' : 'Welcome to Studyline'}</h1>
        <p className="welcome-intro">
          Follow a course taught through a sequence of emails. Studyline saves every email on this
          computer, so you can read at your own pace — even offline — and find a study group when
          you are stuck.
        </p>
        {courses.length > 0 && (
          <button type="button" className="button button-quiet" onClick={() => show('library')}>
            Back to your library
          </button>
        )}
      </header>
      <div className="welcome-courses">
        {catalogCourses.length === 0 ? (
          <StateMessage title="No courses in the catalog">
            Paste the address of a course below.
          </StateMessage>
        ) : (
          catalogCourses.map((course) => (
            <CourseChoice
              key={course.id}
              course={course}
              busy={busy}
              followed={followed}
              problem={problem?.from === 'catalog' ? problem.text : undefined}
              onFollow={(sequenceId) => followAndSync({ sequenceId })}
              onOpen={(sequenceId) => {
                const target = courses.find((c) => c.sequenceId === sequenceId);
                if (target) setActiveCourse(target.id);
                show('library');
              }}
            />
          ))
        )}
      </div>
      <FollowUrlForm
        busy={busy}
        problem={problem?.from === 'url' ? problem.text : undefined}
        onEdit={clearProblem}
        onFollow={(url) => followAndSync({ url })}
      />
    </main>
  );
}

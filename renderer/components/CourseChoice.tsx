import { useState } from 'react';
import type { CatalogCourse } from '../../electron/shared/types';
import { formatSendDate } from '../lib/dates';

interface CourseChoiceProps {
  course: CatalogCourse;
  busy: boolean;
  followed: Set<string>;
  onFollow: (sequenceId: string) => void;
}

/** A catalog course with its runs ("sequences"); the learner picks one to follow. */
export function CourseChoice({ course, busy, followed, onFollow }: CourseChoiceProps) {
  const newest = course.sequences.at(-1)?.id ?? '';
  const [sequenceId, setSequenceId] = useState(newest);
  const headingId = `course-${course.id}`;

  return (
    <section className="course-choice" aria-labelledby={headingId}>
      <h2 id={headingId}>{course.title}</h2>
      <p className="course-description">{course.description}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (sequenceId) onFollow(sequenceId);
        }}
      >
        <fieldset className="sequence-choices">
          <legend>Choose a run of the course</legend>
          {course.sequences.map((sequence) => (
            <label key={sequence.id} className="sequence-choice">
              <input
                type="radio"
                name={`sequence-${course.id}`}
                value={sequence.id}
                checked={sequenceId === sequence.id}
                onChange={() => setSequenceId(sequence.id)}
              />
              <span className="sequence-title">{sequence.title}</span>
              <span className="sequence-date">
                {followed.has(sequence.id)
                  ? 'Already in your library'
                  : sequence.startedOn
                    ? `Started ${formatSendDate(sequence.startedOn)}`
                    : 'Start date unknown'}
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary" disabled={busy || !sequenceId}>
          Follow this course
        </button>
      </form>
    </section>
  );
}

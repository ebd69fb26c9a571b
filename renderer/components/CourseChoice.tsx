import { useState } from 'react';
import type { CatalogCourse } from '../../electron/shared/types';
import { formatSendDate } from '../lib/dates';

interface CourseChoiceProps {
  course: CatalogCourse;
  busy: boolean;
  /** Sequence ids the learner follows already. */
  followed: Set<string>;
  /** Why following failed, shown under the button. */
  problem?: string;
  onFollow: (sequenceId: string) => void;
  /** Shows an already followed sequence in the library. */
  onOpen: (sequenceId: string) => void;
}

/** A catalog course with its runs ("sequences"); the learner picks one to follow. */
export function CourseChoice(props: CourseChoiceProps) {
  const { course, busy, followed, problem, onFollow, onOpen } = props;
  const newest = course.sequences.at(-1)?.id ?? '';
  const [sequenceId, setSequenceId] = useState(newest);
  const headingId = `course-${course.id}`;
  const already = followed.has(sequenceId);

  return (
    <section className="course-choice" aria-labelledby={headingId}>
      <h2 id={headingId}>{course.title}</h2>
      <p className="course-description">{course.description}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (sequenceId && !already && !busy) onFollow(sequenceId);
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
        <div className="course-choice-actions">
          {/* Following a run twice would only sync it all again: it is there already. */}
          <button
            type="submit"
            className="button button-primary"
            disabled={!sequenceId || already}
            aria-disabled={busy || undefined}
            aria-describedby={problem ? `${headingId}-error` : undefined}
          >
            {busy ? 'Following…' : 'Follow this course'}
          </button>
          {already && (
            <button type="button" className="button" onClick={() => onOpen(sequenceId)}>
              Open it in your library
            </button>
          )}
        </div>
        {problem && (
          <p id={`${headingId}-error`} className="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </section>
  );
}

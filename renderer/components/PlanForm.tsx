import { useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { CourseView, Plan } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { formFromPlan, planInputOf, previewSentence } from '../lib/plan-form';
import type { PlanField, PlanForm as Form } from '../lib/plan-form';
import { usePlanPreviews } from '../queries/previews';
import type { PreviewResult } from '../queries/previews';
import { usePlanMutation } from '../queries/progress';
import { PaceChoices } from './PaceChoices';
import { StudyDays } from './StudyDays';

interface PlanFormProps {
  course: CourseView;
  /** The saved plan the form starts from. */
  plan: Plan;
  /** The core's today, for dates without their year. */
  today?: string;
  submitLabel: string;
  onSaved: () => void;
  /** More buttons beside the submit one (Cancel, Skip…). */
  secondary?: ReactNode;
}

function PreviewLine({ result, today }: { result?: PreviewResult; today?: string }) {
  let text = 'Working out your dates…';
  if (result && 'preview' in result) text = previewSentence(result.preview, today);
  return (
    <p className={`plan-preview${result && 'error' in result ? ' is-error' : ''}`} role="status">
      {result && 'error' in result ? result.error : text}
    </p>
  );
}

/**
 * Start, pace, study days and reminder time, with the finish date the core
 * works out as the learner edits. Saving goes through the core's checks: a
 * plan it refuses shows its sentence and leaves the saved plan as it was.
 */
export function PlanForm(props: PlanFormProps) {
  const { course, plan, today, submitLabel, onSaved, secondary } = props;
  const [form, setForm] = useState<Form>(() => formFromPlan(plan));
  const [fieldError, setFieldError] = useState<{ field: PlanField; message: string }>();
  const previews = usePlanPreviews(course, form, plan);
  const save = usePlanMutation(course.id);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = { start: useId(), time: useId(), error: useId() };

  const edit = (change: Partial<Form>) => {
    setForm((current) => ({ ...current, ...change }));
    setFieldError(undefined);
    save.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = planInputOf(form, plan);
    if (!check.ok) {
      setFieldError(check);
      formRef.current?.querySelector<HTMLElement>(`[data-field="${check.field}"]`)?.focus();
      return;
    }
    save.mutate({ save: check.input }, { onSuccess: onSaved });
  };

  const invalid = (field: PlanField) => fieldError?.field === field;
  const describedBy = (field: PlanField) => (invalid(field) ? ids.error : undefined);

  return (
    <form ref={formRef} className="plan-form" onSubmit={submit} noValidate>
      <div className="plan-row">
        <div className="field">
          <label htmlFor={ids.start}>Start on</label>
          <input
            id={ids.start}
            data-field="startOn"
            type="date"
            min="1900-01-01"
            max="2999-12-31"
            value={form.startOn}
            aria-invalid={invalid('startOn') || undefined}
            aria-describedby={describedBy('startOn')}
            onChange={(event) => edit({ startOn: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.time}>Remind me at</label>
          <input
            id={ids.time}
            data-field="remindAt"
            type="time"
            value={form.remindAt}
            aria-invalid={invalid('remindAt') || undefined}
            aria-describedby={describedBy('remindAt')}
            onChange={(event) => edit({ remindAt: event.target.value })}
          />
        </div>
        <StudyDays days={form.studyDays} onChange={(studyDays) => edit({ studyDays })} />
      </div>
      <PaceChoices
        form={form}
        previews={previews}
        today={today}
        invalid={invalid('perWeek')}
        errorId={ids.error}
        onPace={(pace) => edit({ pace })}
        onPerWeek={(perWeek) => edit({ perWeek, pace: 'custom' })}
      />
      {fieldError && (
        <p id={ids.error} className="form-error" role="alert">
          {fieldError.message}
        </p>
      )}
      <PreviewLine result={previews[form.pace]} today={today} />
      {save.isError && (
        <p className="form-error" role="alert">
          Your plan was not changed. {errorText(save.error)}
        </p>
      )}
      <div className="plan-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : submitLabel}
        </button>
        {secondary}
      </div>
    </form>
  );
}

import type { CourseView } from '../../electron/shared/types';
import { useProgress } from '../queries/progress';
import { useUiActions } from '../stores/useUiStore';
import { Dialog } from './Dialog';
import { PlanForm } from './PlanForm';
import { StateMessage } from './StateMessage';

/** "Change plan": the same form as after following, over the library. */
export function PlanDialog({ course }: { course: CourseView }) {
  const view = useProgress(course.id).data;
  const { closeDialog } = useUiActions();
  return (
    <Dialog title="Change your plan" subtitle={course.title} onClose={closeDialog}>
      {view ? (
        <PlanForm
          course={course}
          plan={view.plan}
          today={view.status.today}
          submitLabel="Save plan"
          onSaved={closeDialog}
          secondary={
            <button type="button" className="button" onClick={closeDialog}>
              Cancel
            </button>
          }
        />
      ) : (
        <StateMessage tone="loading" title="Loading your plan…" />
      )}
    </Dialog>
  );
}

import type { CourseView } from '../../electron/shared/types';
import { useBackupTask } from '../queries/backup';
import type { BackupResult } from '../queries/backup';

function ResultMessage({
  result,
  showInFolder,
}: {
  result: BackupResult;
  showInFolder: (path: string) => void;
}) {
  if (result.tone === 'error') {
    return (
      <div className="backup-result is-error" role="alert">
        <p>{result.text}</p>
        {result.task === 'import' && <p>Nothing was changed.</p>}
      </div>
    );
  }
  const report = result.report;
  return (
    <div className="backup-result" role="status">
      <p className="backup-result-title">{result.text}</p>
      {report && (
        <>
          <ul className="import-summary">
            {report.summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="backup-copy">
            Your data as it was before the import is kept at <code>{report.backupPath}</code>.
          </p>
        </>
      )}
      {result.path && (
        <button
          type="button"
          className="button button-small"
          onClick={() => showInFolder(result.path ?? '')}
        >
          Show in folder
        </button>
      )}
    </div>
  );
}

/**
 * One versioned file with every plan and mark, its import, and the plans as
 * calendars. Each result shows beside the button that asked for it; buttons
 * stay focusable while busy, so the keyboard never falls back to the page.
 */
export function BackupSettings({ courses }: { courses: CourseView[] }) {
  const { start, busy, result, showInFolder } = useBackupTask();
  const backupResult = result && result.task !== 'calendar' ? result : undefined;
  return (
    <section className="settings-section" aria-labelledby="settings-backup">
      <h3 id="settings-backup">Backup and calendar</h3>
      <p className="settings-note">
        Your progress, notes and plans in one file: keep it safe, or open it on another computer.
        Importing checks the file first and keeps a copy of your current data.
      </p>
      <div className="settings-inline">
        <button
          type="button"
          className="button"
          aria-disabled={busy !== undefined || undefined}
          onClick={() => start({ task: 'export' })}
        >
          {busy === 'export' ? 'Exporting…' : 'Export progress…'}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={busy !== undefined || undefined}
          onClick={() => start({ task: 'import' })}
        >
          {busy === 'import' ? 'Importing…' : 'Import progress…'}
        </button>
      </div>
      {backupResult && <ResultMessage result={backupResult} showInFolder={showInFolder} />}
      {courses.map((course) => (
        <div key={course.id} className="settings-calendar">
          <div className="settings-inline">
            <button
              type="button"
              className="button"
              aria-disabled={busy !== undefined || undefined}
              onClick={() =>
                start({ task: 'calendar', courseId: course.id, courseTitle: course.title })
              }
              aria-label={`Export calendar (.ics) of ${course.title}`}
            >
              Export calendar (.ics)…
            </button>
            <span className="settings-note">{course.title}</span>
          </div>
          {result?.task === 'calendar' && result.courseId === course.id && (
            <ResultMessage result={result} showInFolder={showInFolder} />
          )}
        </div>
      ))}
    </section>
  );
}

import type { CourseView } from '../../electron/shared/types';
import { useBackupTask } from '../queries/backup';
import type { BackupResult } from '../queries/backup';

function ResultMessage({ result }: { result: BackupResult }) {
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
    </div>
  );
}

/** One versioned file with every plan and mark, its import, and the plans as calendars. */
export function BackupSettings({ courses }: { courses: CourseView[] }) {
  const { start, busy, result } = useBackupTask();
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
          disabled={busy !== undefined}
          onClick={() => start({ task: 'export' })}
        >
          {busy === 'export' ? 'Exporting…' : 'Export progress…'}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== undefined}
          onClick={() => start({ task: 'import' })}
        >
          {busy === 'import' ? 'Importing…' : 'Import progress…'}
        </button>
      </div>
      {courses.map((course) => (
        <div key={course.id} className="settings-inline">
          <button
            type="button"
            className="button"
            disabled={busy !== undefined}
            onClick={() =>
              start({ task: 'calendar', courseId: course.id, courseTitle: course.title })
            }
            aria-label={`Export calendar (.ics) of ${course.title}`}
          >
            Export calendar (.ics)…
          </button>
          <span className="settings-note">{course.title}</span>
        </div>
      ))}
      {result && <ResultMessage result={result} />}
    </section>
  );
}

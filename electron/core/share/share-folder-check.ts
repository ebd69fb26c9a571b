import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { StudylineError } from '../errors';
import { errorCode } from '../library/durable-fs';

const WHERE =
  'Choose a folder inside the one your sync service keeps in step (Syncthing, Dropbox, ' +
  'iCloud Drive, OneDrive, Nextcloud), the same on every computer.';

function inside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The folder to share through, as an absolute path, or a sentence saying why
 * not. The data folder itself must stay out of it (and it out of the data
 * folder): its lock and library belong to one computer.
 */
export async function checkFolder(folder: string, dataDir: string): Promise<string> {
  const wanted = path.resolve(folder.trim());
  let real: string;
  try {
    if (!(await stat(wanted)).isDirectory()) {
      throw new StudylineError('invalid-input', `${wanted} is a file, not a folder.`, {
        hint: WHERE,
      });
    }
    real = await realpath(wanted);
  } catch (error) {
    if (error instanceof StudylineError) throw error;
    if (errorCode(error) === 'ENOENT') {
      throw new StudylineError('not-found', `There is no folder ${wanted}.`, { hint: WHERE });
    }
    throw new StudylineError('disk', `Studyline cannot open the folder ${wanted}.`, {
      hint: WHERE,
      cause: error,
    });
  }
  const data = await realpath(dataDir).catch(() => path.resolve(dataDir));
  if (inside(real, data) || inside(data, real)) {
    throw new StudylineError(
      'invalid-input',
      `${wanted} overlaps Studyline's own data folder (${dataDir}), which stays on this computer.`,
      { hint: WHERE },
    );
  }
  return wanted;
}

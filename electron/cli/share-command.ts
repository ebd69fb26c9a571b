import { shareSummary } from '../core/share/share-status';
import type { ShareStatus } from '../shared/types';
import { usage } from './args';
import type { Command } from './commands';

function describe(status: ShareStatus, now: Date): string {
  if (!status.on) {
    return (
      'Your progress stays on this computer.\n' +
      'Run `studyline share FOLDER` with a folder your sync service keeps in step ' +
      '(Syncthing, Dropbox, iCloud Drive, OneDrive, Nextcloud) to share it with your other computers.'
    );
  }
  const lines = [
    `Sharing your progress through ${status.folder} as “${status.computer.name}”.`,
    shareSummary(status, now),
  ];
  for (const other of status.others) {
    const when = other.lastChangeAt
      ? `, last change ${other.lastChangeAt.slice(0, 16).replace('T', ' ')} UTC`
      : '';
    lines.push(`  ${other.name}${when}`);
  }
  return lines.join('\n');
}

/**
 * `studyline share FOLDER` starts sharing (or moves to another folder),
 * `studyline share --off` stops, `studyline share` looks at the folder now
 * and says where things stand.
 */
export const SHARE_COMMAND: Command = {
  writes: true,
  flags: ['off'],
  async run(core, cmd) {
    if (cmd.positionals.length > 1) throw usage('"share" takes one folder.');
    const [folder] = cmd.positionals;
    // An empty name (a shell variable that was not set) must not fall through to "look now".
    if (folder?.trim() === '')
      throw usage(
        '"share" needs a folder name: `studyline share FOLDER`, or `studyline share` to look now.',
      );
    if (folder && cmd.flags.off) throw usage('Give either a folder or --off, not both.');
    const status = cmd.flags.off
      ? await core.shareStop()
      : folder
        ? await core.shareStart(folder)
        : await core.shareSync();
    const offText = cmd.flags.off
      ? '\nWhat this computer shared so far stays in the folder for your other computers.'
      : '';
    const now = status.checkedAt ? new Date(status.checkedAt) : new Date();
    return {
      json: status,
      text: describe(status, now) + offText,
      // Sharing that cannot reach the folder is a failure the learner must hear about.
      exitCode: status.problem ? 1 : 0,
    };
  },
};

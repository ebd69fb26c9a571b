import { expect, test } from 'vitest';
import { savedText } from '../../../renderer/queries/backup';

test('an export says where the file went, or that nothing was saved', () => {
  expect(savedText('Your progress and plans were', '/home/ada/studyline-backup.json')).toEqual({
    tone: 'ok',
    text: 'Your progress and plans were saved to /home/ada/studyline-backup.json.',
    // For "Show in folder".
    path: '/home/ada/studyline-backup.json',
  });
  expect(savedText('Your progress and plans were', undefined)).toEqual({
    tone: 'neutral',
    text: 'Nothing was saved: you closed the save window.',
  });
});

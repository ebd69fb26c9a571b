import { expect, test } from 'vitest';
import { RequestError } from '../../../electron/shared/errors';
import { errorText } from '../../../renderer/lib/error-text';

test("a refused request reads as the core's sentence and what to do", () => {
  const refused = new RequestError({
    code: 'disk',
    message: 'The disk is full, so your progress could not be saved.',
    hint: 'Free some space and try again.',
  });
  expect(errorText(refused)).toBe(
    'The disk is full, so your progress could not be saved. Free some space and try again.',
  );
  expect(errorText(new RequestError({ code: 'not-found', message: 'No such email.' }))).toBe(
    'No such email.',
  );
});

test('peels the IPC wrapping off so the learner reads only the sentence', () => {
  const wrapped = new Error(
    "Error invoking remote method 'sync:start': StudylineError: The course feed could not be reached.",
  );
  expect(errorText(wrapped)).toBe('The course feed could not be reached.');
  expect(errorText(new Error('Error: The disk is full.'))).toBe('The disk is full.');
  expect(errorText(new Error('The disk is full.'))).toBe('The disk is full.');
});

test('never shows an empty message', () => {
  expect(errorText(new Error(''))).toBe('Something went wrong. Please try again.');
  expect(errorText(undefined)).toBe('Something went wrong. Please try again.');
  expect(errorText('Plain words.')).toBe('Plain words.');
});

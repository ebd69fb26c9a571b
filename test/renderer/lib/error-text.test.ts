import { expect, test } from 'vitest';
import { errorText } from '../../../renderer/lib/error-text';

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

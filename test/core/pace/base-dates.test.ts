import { describe, expect, it } from 'vitest';
import { nextStudyDay, originalOffsets, studyDaySet } from '../../../electron/core/pace/base-dates';
import { toDayNumber } from '../../../electron/core/pace/calendar-date';
import type { SequenceEmail } from '../../../electron/core/pace/model';
import { sequence } from './fixtures';
import { textContaining } from '../../helpers/matchers';

const threeEmails = sequence([3, 4]);

describe('original schedule', () => {
  it('is each email’s offset in days from the first send date', () => {
    expect(originalOffsets(threeEmails)).toEqual([0, 3, 7]);
  });

  it('never lets a re-dated email jump before the one sent earlier', () => {
    const emails: SequenceEmail[] = [
      { id: 'a', order: 1, sentOn: '2013-10-11', title: 'A' },
      { id: 'b', order: 2, sentOn: '2013-10-20', title: 'B' },
      { id: 'c', order: 3, sentOn: '2013-10-15', title: 'C' },
    ];
    expect(originalOffsets(emails)).toEqual([0, 9, 9]);
  });

  it('names the email whose send date is impossible', () => {
    const emails = [{ id: 'a', order: 1, sentOn: '2013-02-30', title: 'Week 1: hello' }];
    expect(() => originalOffsets(emails)).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        message: textContaining('Week 1: hello'),
      }),
    );
  });
});

describe('study days', () => {
  it('finds the next study day on or after a day', () => {
    const weekdays = studyDaySet([1, 2, 3, 4, 5]);
    expect(nextStudyDay(toDayNumber('2028-03-04'), weekdays)).toBe(toDayNumber('2028-03-06'));
    expect(nextStudyDay(toDayNumber('2028-03-06'), weekdays)).toBe(toDayNumber('2028-03-06'));
  });

  it('refuses a week without study days', () => {
    expect(() => studyDaySet([])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});

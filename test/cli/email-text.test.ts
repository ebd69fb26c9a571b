import { describe, expect, it } from 'vitest';
import { emailText } from '../../electron/cli/email-text';
import type { Email } from '../../electron/shared/types';

const email: Email = {
  id: 'seq.1',
  courseId: 'seq',
  order: 3,
  title: 'Loops',
  link: 'https://blog.example.org/loops',
  author: 'mechanicalmooc',
  opened: true,
  done: false,
  starred: false,
  hasNote: false,
  html: '<p>Hello <b>loops</b>.</p><p><img src="https://blog.example.org/chart.png" alt="A chart"></p>',
  categories: [],
};

describe('studyline show', () => {
  it('says when the date is unknown rather than inventing one', () => {
    expect(emailText(email).split('\n')[1]).toBe('Date unknown by mechanicalmooc');
    expect(emailText({ ...email, sentAt: '2013-10-21T00:00:00.000Z' }).split('\n')[1]).toBe(
      'Sent 2013-10-21 by mechanicalmooc',
    );
  });

  it('says which pictures Studyline gave up on, after the text', () => {
    const text = emailText({
      ...email,
      missingPictures: [
        {
          url: 'https://blog.example.org/chart.png',
          reason: 'blog.example.org is having trouble (500).',
        },
      ],
    });
    expect(text).toMatch(/\[image: A chart\]/);
    expect(text).toMatch(
      /A picture of this email could not be downloaded \(Studyline tried for a week\):\n {2}blog\.example\.org is having trouble \(500\)\.$/,
    );
    expect(emailText(email)).not.toMatch(/could not be downloaded/);
  });
});

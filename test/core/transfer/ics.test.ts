import { describe, expect, it } from 'vitest';
import { computeSchedule } from '../../../electron/core/pace/schedule';
import { pause, resume } from '../../../electron/core/pace/plan-ops';
import { icsFileName, toIcs } from '../../../electron/core/transfer/ics';
import { clockAt, daily, doneOn, planFrom } from '../pace/fixtures';

const NOW = '2028-02-27T12:34:56.789Z';
const emails = daily(3).map((email) => ({
  ...email,
  link: `https://mechanicalmooc.wordpress.com/${email.id}/`,
}));
const schedule = computeSchedule(
  planFrom('2028-02-28', { remindAt: '07:45' }),
  emails,
  doneOn({ e1: '2028-02-28' }),
  clockAt('2028-02-28'),
);

/** Unfolds and splits into events of `NAME[;params]` → value. */
function parse(ics: string): Array<Record<string, string>> {
  const lines = ics.replace(/\r\n /g, '').split('\r\n');
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) events.push(current);
    else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon);
      current[current[name] === undefined ? name : `VALARM ${name}`] = line.slice(colon + 1);
    }
  }
  return events;
}

describe('calendar export', () => {
  const ics = toIcs('Python, for beginners', schedule, { now: NOW });

  it('is an iCalendar file with CRLF line endings', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).toContain('X-WR-CALNAME:Studyline: Python\\, for beginners\r\n');
  });

  it('has one all-day event per email on its due day, across the leap day', () => {
    const events = parse(ics);
    expect(events.map((event) => [event['DTSTART;VALUE=DATE'], event['DTEND;VALUE=DATE']])).toEqual(
      [
        ['20280228', '20280229'],
        ['20280229', '20280301'],
        ['20280301', '20280302'],
      ],
    );
    expect(events[1]).toMatchObject({
      UID: 'e2@studyline',
      DTSTAMP: '20280227T123456Z',
      SUMMARY: 'Python\\, for beginners: Email 2',
      'URL;VALUE=URI': 'https://mechanicalmooc.wordpress.com/e2/',
    });
    expect(events[1]?.DESCRIPTION).toContain('Email 2 of 3');
  });

  it('reminds at the learner’s time on the due day, except for emails already done', () => {
    const events = parse(ics);
    expect(events[0]?.SUMMARY).toBe('✓ Python\\, for beginners: Email 1');
    expect(events[0]?.['VALARM DESCRIPTION']).toBeUndefined();
    expect(events[0]?.['TRIGGER;RELATED=START']).toBeUndefined();
    expect(events[1]?.['TRIGGER;RELATED=START']).toBe('PT7H45M');
    const noAlarm = toIcs('Python', schedule, { now: NOW, alarm: false });
    expect(noAlarm).not.toContain('VALARM');
    expect(
      parse(toIcs('Python', schedule, { now: NOW, includeDone: false })).map((event) => event.UID),
    ).toEqual(['e2@studyline', 'e3@studyline']);
  });

  it('keeps the same UIDs when the plan changes, so a re-import updates the events', () => {
    const plan = resume(pause(planFrom('2028-02-28'), '2028-02-28'), '2028-03-05');
    const later = computeSchedule(plan, emails, {}, clockAt('2028-03-05'));
    const before = parse(ics);
    const after = parse(toIcs('Python, for beginners', later, { now: '2028-03-05T08:00:00Z' }));
    expect(after.map((event) => event.UID)).toEqual(before.map((event) => event.UID));
    expect(after[1]?.['DTSTART;VALUE=DATE']).toBe('20280306'); // 29 February + 6 paused days
    expect(after[1]?.DTSTAMP).toBe('20280305T080000Z');
  });

  it('rejects an export time that is not a time', () => {
    expect(() => toIcs('Python', schedule, { now: 'now' })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });
});

/** A one-email calendar whose email has this title. */
function calendarFor(title: string): string {
  const one = computeSchedule(
    planFrom('2028-02-28'),
    [{ id: 'x', order: 1, sentOn: '2013-10-11', title }],
    {},
    clockAt('2028-02-28'),
  );
  return toIcs('Python', one, { now: NOW });
}

describe('text values', () => {
  it('escapes backslashes, semicolons, commas and line breaks, and drops control characters', () => {
    const text = calendarFor('a\\b;c,d\r\ne\nf\rg\u0007');
    expect(parse(text)[0]?.SUMMARY).toBe('Python: a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f]/);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const title = `Week 3: ${'ünïcødé ✓ 😀 '.repeat(12)}`;
    const text = calendarFor(title);
    const start = text.indexOf('SUMMARY:');
    const physical = text.slice(start).split('\r\n');
    const end = physical.findIndex((part, i) => i > 0 && !part.startsWith(' '));
    const summary = physical.slice(0, end);
    expect(summary.length).toBeGreaterThan(2);
    for (const part of summary) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(summary.join('\r\n').replace(/\r\n /g, '')).toBe(`SUMMARY:Python: ${title}`);
    expect(text).not.toContain('\uFFFD');
    expect(text).toContain('\r\nUID:x@studyline\r\n');
  });

  it('folds an exported event too', () => {
    const text = calendarFor('é'.repeat(100));
    for (const part of text.split('\r\n'))
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parse(text)[0]?.SUMMARY).toBe(`Python: ${'é'.repeat(100)}`);
  });

  it('writes the same days whatever the computer’s time zone', () => {
    const zone = process.env.TZ;
    try {
      const days = ['Pacific/Kiritimati', 'America/Adak', 'UTC'].map((tz) => {
        process.env.TZ = tz;
        return parse(toIcs('Python', schedule, { now: NOW })).map((e) => e['DTSTART;VALUE=DATE']);
      });
      expect(days).toEqual([0, 1, 2].map(() => ['20280228', '20280229', '20280301']));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('file name', () => {
  it('is a plain slug of the course title', () => {
    expect(icsFileName('Python, for Beginners (6.189)')).toBe('python-for-beginners-6-189.ics');
    expect(icsFileName('Écrire ✓')).toBe('ecrire.ics');
    expect(icsFileName('✓✓')).toBe('studyline-plan.ics');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  fromDayNumber,
  toDayNumber,
  weekdayOf,
} from '../../../electron/core/pace/calendar-date';
import type {
  EmailStates,
  Pace,
  Plan,
  Schedule,
  SequenceEmail,
} from '../../../electron/core/pace/model';
import { catchUp, pause, resume } from '../../../electron/core/pace/plan-ops';
import { computeSchedule } from '../../../electron/core/pace/schedule';
import { courseStatus } from '../../../electron/core/pace/status';
import { validatePlanInput } from '../../../electron/core/pace/validate-plan';
import { clockAt, planFrom, sequence } from './fixtures';

// Starts around the DST changes of London and New York and the 2028 leap day, plus any day.
const interesting = [
  '2028-02-25',
  '2028-03-08',
  '2028-03-22',
  '2028-10-25',
  '2028-11-01',
  '2027-03-25',
  '2027-10-28',
];
const startArb = fc.oneof(
  fc.constantFrom(...interesting),
  fc.integer({ min: toDayNumber('2027-01-01'), max: toDayNumber('2029-12-31') }).map(fromDayNumber),
);
const paceArb: fc.Arbitrary<Pace> = fc.oneof(
  fc.constant({ kind: 'as-sent' } as const),
  fc
    .double({ min: 0.1, max: 10, noNaN: true })
    .map((factor) => ({ kind: 'factor', factor }) as const),
  fc.integer({ min: 1, max: 14 }).map((perWeek) => ({ kind: 'per-week', perWeek }) as const),
);
const opArb = fc.record({
  gap: fc.integer({ min: 0, max: 20 }),
  kind: fc.constantFrom('pause', 'resume', 'catch-up'),
});

const scenarioArb = fc.record({
  zone: fc.constantFrom('Europe/London', 'America/New_York'),
  startOn: startArb,
  pace: paceArb,
  studyDays: fc.subarray([0, 1, 2, 3, 4, 5, 6] as const, { minLength: 1 }),
  gaps: fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 40 }),
  ops: fc.array(opArb, { maxLength: 5 }),
  doneAfter: fc.array(fc.option(fc.integer({ min: 0, max: 150 })), {
    minLength: 41,
    maxLength: 41,
  }),
  todayGap: fc.integer({ min: 0, max: 60 }),
  planned: fc.option(
    fc.record({ gap: fc.integer({ min: 1, max: 30 }), length: fc.integer({ min: 1, max: 14 }) }),
  ),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  emails: SequenceEmail[];
  plan: Plan;
  today: string;
  zone: string;
  /** The learner's progress as it stood at the end of a given day. */
  statesAsOf: (day: string) => EmailStates;
}

function build(s: Scenario, options: { planned: boolean; endResumed: boolean }): Built {
  const emails = sequence(s.gaps);
  const doneDays = emails.map((_, index) => {
    const after = s.doneAfter[index];
    return after === null || after === undefined ? undefined : addDays(s.startOn, after);
  });
  const statesAsOf = (day: string): EmailStates => {
    const states: EmailStates = {};
    emails.forEach((email, index) => {
      const done = doneDays[index];
      if (done !== undefined && done <= day)
        states[email.id] = { doneAt: clockAt(done, '12:00', s.zone).now };
    });
    return states;
  };
  let plan = planFrom(s.startOn, { pace: s.pace, studyDays: [...s.studyDays].sort() });
  let day = s.startOn;
  for (const op of s.ops) {
    day = addDays(day, op.gap);
    if (op.kind === 'pause') plan = pause(plan, day);
    else if (op.kind === 'resume') plan = resume(plan, day);
    else plan = catchUp(plan, emails, statesAsOf(day), clockAt(day, '12:00', s.zone));
  }
  const today = addDays(day, s.todayGap);
  if (options.endResumed) plan = resume(plan, today);
  const running = plan.pauses.some((item) => item.to === undefined);
  if (options.planned && s.planned && !running) {
    const from = addDays(today, s.planned.gap);
    plan = { ...plan, pauses: [...plan.pauses, { from, to: addDays(from, s.planned.length) }] };
  }
  return { emails, plan, today, zone: s.zone, statesAsOf };
}

function scheduleAt(
  b: Built,
  day: string,
  plan = b.plan,
  states = b.statesAsOf(b.today),
): Schedule {
  return computeSchedule(plan, b.emails, states, clockAt(day, '12:00', b.zone));
}

function firstStudyDayFrom(day: string, studyDays: readonly number[]): string {
  let candidate = day;
  while (!studyDays.includes(weekdayOf(candidate))) candidate = addDays(candidate, 1);
  return candidate;
}

describe('planner properties', () => {
  it('plans made by pause, resume and catch up are always valid plans', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { plan } = build(s, { planned: true, endResumed: false });
        expect(validatePlanInput(plan)).toEqual(plan);
      }),
    );
  });

  it('due dates always fall on study days', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const b = build(s, { planned: true, endResumed: false });
        for (const email of scheduleAt(b, b.today).emails) {
          expect(b.plan.studyDays).toContain(weekdayOf(email.dueOn));
        }
      }),
    );
  });

  it('due dates never go backwards along the sequence (all of them before any progress)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const b = build(s, { planned: true, endResumed: false });
        const open = scheduleAt(b, b.today).emails.filter((email) => !email.done);
        open.forEach(
          (email, index) =>
            index > 0 && expect(email.dueOn >= (open[index - 1]?.dueOn ?? '')).toBe(true),
        );
        const fresh = scheduleAt(b, b.today, b.plan, {}).emails;
        fresh.forEach(
          (email, index) =>
            index > 0 && expect(email.dueOn >= (fresh[index - 1]?.dueOn ?? '')).toBe(true),
        );
      }),
    );
  });

  it('due dates never go backwards as the days pass', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 40 }), (s, later) => {
        const b = build(s, { planned: true, endResumed: false });
        const states = b.statesAsOf(b.today);
        const before = scheduleAt(b, b.today, b.plan, states).emails;
        const after = scheduleAt(b, addDays(b.today, later), b.plan, states).emails;
        after.forEach((email, index) =>
          expect(email.dueOn >= (before[index]?.dueOn ?? '')).toBe(true),
        );
      }),
    );
  });

  it('catch up makes the earliest open email due today (or the next study day), moving nothing earlier', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const b = build(s, { planned: false, endResumed: false });
        const states = b.statesAsOf(b.today);
        const clock = clockAt(b.today, '12:00', b.zone);
        const before = computeSchedule(b.plan, b.emails, states, clock);
        const caughtUp = catchUp(b.plan, b.emails, states, clock);
        const after = computeSchedule(caughtUp, b.emails, states, clock);
        const index = before.emails.findIndex((email) => !email.done);
        const earliest = before.emails[index];
        if (!earliest || earliest.dueOn >= b.today) {
          expect(caughtUp).toBe(b.plan);
          return;
        }
        expect(after.emails[index]?.dueOn).toBe(firstStudyDayFrom(b.today, b.plan.studyDays));
        expect(courseStatus(caughtUp, b.emails, states, clock).behind).toBe(0);
        after.emails.forEach((email, i) => {
          const old = before.emails[i];
          expect(email.dueOn >= (old?.dueOn ?? '')).toBe(true);
          if (old?.done) expect(email.dueOn).toBe(old.dueOn);
        });
      }),
    );
  });

  it('a pause shifts exactly the emails not done when it began, by its length', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 20 }),
        (s, wait, length, after) => {
          const b = build(s, { planned: false, endResumed: true });
          const from = addDays(b.today, wait);
          const until = addDays(from, length);
          const today = addDays(until, after);
          const withPause = resume(pause(b.plan, from), until);
          const states = b.statesAsOf(today);
          const without = scheduleAt(b, today, b.plan, states).emails;
          const withIt = scheduleAt(b, today, withPause, states).emails;
          withIt.forEach((email, index) => {
            const old = without[index];
            const openAtPause = !email.done || (email.doneOn ?? '') > from;
            expect(email.shiftDays).toBe((old?.shiftDays ?? 0) + (openAtPause ? length : 0));
            if (!openAtPause) expect(email.dueOn).toBe(old?.dueOn);
            else expect(email.dueOn >= addDays(old?.dueOn ?? '', length - 6)).toBe(true);
          });
        },
      ),
    );
  });
});

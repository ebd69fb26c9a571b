import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkZone,
  localDateOf,
  localDateTimeOf,
  makeClock,
  todayOf,
  zonedInstant,
} from '../../../electron/core/pace/zoned-time';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (date: string, time: string, zone: string) => iso(zonedInstant(date, time, zone));

describe('local dates of an instant', () => {
  it('uses the summer offset after the clocks go forward in London', () => {
    expect(localDateOf('2028-03-25T23:30:00Z', 'Europe/London')).toBe('2028-03-25');
    expect(localDateOf('2028-03-26T23:30:00Z', 'Europe/London')).toBe('2028-03-27');
    expect(localDateOf('2028-10-29T23:30:00Z', 'Europe/London')).toBe('2028-10-29');
  });

  it('uses the right offset on both sides of the New York changes', () => {
    expect(localDateOf('2028-03-12T04:30:00Z', 'America/New_York')).toBe('2028-03-11');
    expect(localDateOf('2028-03-13T03:30:00Z', 'America/New_York')).toBe('2028-03-12');
    expect(localDateOf('2028-11-06T04:30:00Z', 'America/New_York')).toBe('2028-11-05');
  });

  it('gives today for a clock, and the leap day exists', () => {
    expect(todayOf({ now: '2028-02-29T12:00:00Z', zone: 'Pacific/Auckland' })).toBe('2028-03-01');
    expect(todayOf({ now: '2028-02-29T12:00:00Z', zone: 'America/New_York' })).toBe('2028-02-29');
  });
});

describe('local time of day to an instant', () => {
  it('keeps 09:00 at 09:00 local across the London changes', () => {
    expect(at('2028-03-25', '09:00', 'Europe/London')).toBe('2028-03-25T09:00:00.000Z');
    expect(at('2028-03-26', '09:00', 'Europe/London')).toBe('2028-03-26T08:00:00.000Z');
    expect(at('2028-10-28', '09:00', 'Europe/London')).toBe('2028-10-28T08:00:00.000Z');
    expect(at('2028-10-29', '09:00', 'Europe/London')).toBe('2028-10-29T09:00:00.000Z');
  });

  it('keeps 09:00 at 09:00 local across the New York changes', () => {
    expect(at('2028-03-11', '09:00', 'America/New_York')).toBe('2028-03-11T14:00:00.000Z');
    expect(at('2028-03-12', '09:00', 'America/New_York')).toBe('2028-03-12T13:00:00.000Z');
    expect(at('2028-11-04', '09:00', 'America/New_York')).toBe('2028-11-04T13:00:00.000Z');
    expect(at('2028-11-05', '09:00', 'America/New_York')).toBe('2028-11-05T14:00:00.000Z');
  });

  it('moves a time that does not exist (spring forward) later by the gap', () => {
    const london = zonedInstant('2028-03-26', '01:30', 'Europe/London');
    expect(iso(london)).toBe('2028-03-26T01:30:00.000Z');
    expect(localDateTimeOf(london, 'Europe/London')).toEqual({ date: '2028-03-26', time: '02:30' });
    const newYork = zonedInstant('2028-03-12', '02:30', 'America/New_York');
    expect(localDateTimeOf(newYork, 'America/New_York')).toEqual({
      date: '2028-03-12',
      time: '03:30',
    });
  });

  it('takes the first of a time that happens twice (fall back)', () => {
    expect(at('2028-10-29', '01:30', 'Europe/London')).toBe('2028-10-29T00:30:00.000Z');
    expect(at('2028-11-05', '01:30', 'America/New_York')).toBe('2028-11-05T05:30:00.000Z');
  });

  it('round-trips any minute in several zones to its earliest occurrence', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'Pacific/Auckland',
      'UTC',
    ];
    const minute = fc.integer({
      min: Date.UTC(2024, 0, 1) / 60_000,
      max: Date.UTC(2032, 0, 1) / 60_000,
    });
    fc.assert(
      fc.property(minute, fc.constantFrom(...zones), (minutes, zone) => {
        const ms = minutes * 60_000;
        const { date, time } = localDateTimeOf(ms, zone);
        const back = zonedInstant(date, time, zone);
        expect(localDateTimeOf(back, zone)).toEqual({ date, time });
        expect(back).toBeLessThanOrEqual(ms);
      }),
    );
  });
});

describe('bad clocks', () => {
  it('names a zone it does not know', () => {
    expect(() => checkZone('Mars/Olympus')).toThrow(/Mars\/Olympus/);
    expect(() => todayOf({ now: '2028-01-01T00:00:00Z', zone: 'Nowhere' })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });

  it('rejects a "now" that is not a time', () => {
    expect(() => makeClock('yesterday-ish', 'UTC')).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(() => zonedInstant('2027-02-29', '09:00', 'UTC')).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(() => zonedInstant('2028-02-29', '24:00', 'UTC')).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });

  it('defaults to the real now and the process zone', () => {
    const clock = makeClock();
    expect(Number.isFinite(Date.parse(clock.now))).toBe(true);
    expect(() => checkZone(clock.zone)).not.toThrow();
  });
});

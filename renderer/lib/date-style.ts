/**
 * The app's one date style, in the learner's own locale: the short weekday,
 * the day and the short month ("Fri 4 Dec" in en-GB, "Fri, Dec 4" in en-US),
 * the year only when it is not this year's, and the time only for moments
 * ("Mon 30 Nov, 09:00"). Every date on screen goes through here.
 */
export interface DateStyle {
  locale?: string;
  /** Show the year (a date outside the current year). */
  withYear: boolean;
  /** Add hours and minutes (a moment, such as the last sync). */
  withTime?: boolean;
  /** 'UTC' for calendar days stored as UTC midnights; the local zone otherwise. */
  timeZone?: string;
}

// Building an Intl formatter costs far more than using one: a scrolling list formats dozens per frame.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(style: DateStyle): Intl.DateTimeFormat {
  const key = `${style.locale ?? ''}|${style.withYear}|${style.withTime ?? false}|${style.timeZone ?? ''}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(style.locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: style.withYear ? 'numeric' : undefined,
      hour: style.withTime ? '2-digit' : undefined,
      minute: style.withTime ? '2-digit' : undefined,
      timeZone: style.timeZone,
    });
    formats.set(key, found);
  }
  return found;
}

export function styleDate(date: Date, style: DateStyle): string {
  return formatter(style).format(date);
}

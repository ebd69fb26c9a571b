import { isValidDate } from '../pace/calendar-date';

/*
 * The plain rules the backup's schema and the shared logs' checks agree on,
 * without zod: the core reads them at start, and loads zod only for a backup
 * file or values shared by another computer.
 */

/** Course, group and email ids: they become object keys and file names, so no "__proto__" or "../". */
export const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function isIsoInstant(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T/.test(value) &&
    isValidDate(value.slice(0, 10)) &&
    Number.isFinite(Date.parse(value))
  );
}

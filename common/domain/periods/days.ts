/**
 * Reporting periods are whole calendar days in the agency's time zone, both ends inclusive: a
 * Shanghai supervisor's "today" starts at 00:00 in Shanghai, not at 08:00 (UTC midnight). The
 * queries take half-open instant bounds; a day is 23 or 25 hours across a DST change.
 */
import { DateTime } from 'luxon';
import { isValidZone } from '../guardrails/time';

export interface PeriodBounds {
  /** First instant of the first day (ISO, UTC). */
  fromInstant: string;
  /** First instant after the last day (ISO, UTC): the bound is exclusive. */
  toInstant: string;
  /** The day after the last one (YYYY-MM-DD), for date-valued columns such as a promise's due date. */
  dayAfter: string;
}

export class PeriodError extends Error {
  override readonly name = 'PeriodError';
}

function startOfDay(ymd: string, zone: string): DateTime {
  const d = DateTime.fromISO(ymd, { zone });
  if (!d.isValid) throw new PeriodError(`${ymd} is not a calendar day in ${zone}: ${d.invalidExplanation ?? d.invalidReason ?? 'invalid'}`);
  return d.startOf('day');
}

/** The instants that bound the days `from`…`to` (YYYY-MM-DD, both inclusive) in `zone`. */
export function periodBounds(from: string, to: string, zone: string): PeriodBounds {
  if (!isValidZone(zone)) throw new PeriodError(`${zone} is not an IANA time zone`);
  const after = startOfDay(to, zone).plus({ days: 1 });
  return {
    fromInstant: startOfDay(from, zone).toUTC().toISO() as string,
    toInstant: after.toUTC().toISO() as string,
    dayAfter: after.toISODate() as string,
  };
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `zone`. */
export function dayIn(instant: string | Date, zone: string): string {
  const d = typeof instant === 'string' ? DateTime.fromISO(instant, { zone: 'utc' }) : DateTime.fromJSDate(instant);
  const local = d.setZone(zone);
  if (!local.isValid) throw new PeriodError(`cannot place ${String(instant)} in ${zone}`);
  return local.toISODate() as string;
}

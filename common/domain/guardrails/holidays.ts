import { activeCalendars, type CalendarSet, type DayStatus } from './calendars';
import type { HolidayCalendar } from './types';
import { dayKey } from './time';

export interface HolidayInfo {
  name: string;
}

/**
 * What the calendar says about a local day (day number): a statutory holiday, an adjusted working day,
 * an ordinary day, or `missing` when no calendar covers that year. Calendars are data (calendars/).
 */
export function calendarDay(cal: HolidayCalendar, day: number, set: CalendarSet = activeCalendars()): DayStatus {
  return set.day(cal, dayKey(day));
}

/**
 * The statutory holiday falling on a local day, or null. Adjusted working days are not holidays.
 * A year no calendar covers reads as null here: rules that must fail closed use calendarDay instead.
 */
export function holidayOn(cal: HolidayCalendar, day: number): HolidayInfo | null {
  const s = calendarDay(cal, day);
  return s.kind === 'holiday' ? { name: s.name } : null;
}

import type { CalendarSet } from './set';
import { JURISDICTIONS, type Jurisdiction } from './schema';
import { yearsText } from './set';

export interface HorizonLine {
  jurisdiction: Jurisdiction;
  years: number[];
  /** Covers the current year (relative to `now`). */
  thisYear: boolean;
  /** Covers the next calendar year: false is the gap to close a year ahead. */
  nextYear: boolean;
  text: string;
}

/** Per jurisdiction: the covered years and whether this year and the next are covered. */
export function calendarHorizon(set: CalendarSet, now: Date): HorizonLine[] {
  const year = now.getUTCFullYear();
  return JURISDICTIONS.map((jurisdiction) => {
    const years = set.years(jurisdiction);
    const thisYear = years.includes(year);
    const nextYear = years.includes(year + 1);
    const state = !thisYear ? `MISSING ${year}` : !nextYear ? `MISSING ${year + 1}` : 'ok';
    return { jurisdiction, years, thisYear, nextYear, text: `${jurisdiction}: ${yearsText(years)} — ${state}` };
  });
}

import { BUNDLED_CALENDARS } from './bundled';
import { parseCalendars, type CalendarFile, type Jurisdiction } from './schema';

/** What a calendar says about one local date. `missing`: no calendar covers that year, so nothing is known. */
export type DayStatus =
  | { kind: 'holiday'; name: string }
  | { kind: 'workday' }
  | { kind: 'ordinary' }
  | { kind: 'missing'; year: number; covered: number[] };

/** Calendars by jurisdiction and year; a later file for the same jurisdiction and year replaces the earlier one. */
export class CalendarSet {
  private readonly byKey = new Map<string, CalendarFile>();

  constructor(files: readonly CalendarFile[]) {
    for (const f of files) this.byKey.set(`${f.jurisdiction}|${f.year}`, f);
  }

  /** A new set: these calendars over this set's. */
  with(files: readonly CalendarFile[]): CalendarSet {
    return new CalendarSet([...this.byKey.values(), ...files]);
  }

  /** The years a jurisdiction's calendars cover, ascending. */
  years(jurisdiction: Jurisdiction): number[] {
    const out: number[] = [];
    for (const f of this.byKey.values()) if (f.jurisdiction === jurisdiction) out.push(f.year);
    return out.sort((a, b) => a - b);
  }

  get(jurisdiction: Jurisdiction, year: number): CalendarFile | undefined {
    return this.byKey.get(`${jurisdiction}|${year}`);
  }

  /** The status of a date 'YYYY-MM-DD'. */
  day(jurisdiction: Jurisdiction, date: string): DayStatus {
    const year = Number(date.slice(0, 4));
    const cal = this.get(jurisdiction, year);
    if (!cal) return { kind: 'missing', year, covered: this.years(jurisdiction) };
    if (cal.workdays[date] !== undefined) return { kind: 'workday' };
    const name = cal.holidays[date];
    return name === undefined ? { kind: 'ordinary' } : { kind: 'holiday', name };
  }
}

const BUNDLED = new CalendarSet(parseCalendars(BUNDLED_CALENDARS));
let active = BUNDLED;

export function bundledCalendars(): CalendarSet {
  return BUNDLED;
}

/** The calendars the engine reads: the bundled ones plus any installed (imported or from a lender package). */
export function activeCalendars(): CalendarSet {
  return active;
}

/** Installs calendars over the bundled ones (replacing any installed before); called once at start-up. */
export function useInstalledCalendars(files: readonly CalendarFile[]): CalendarSet {
  active = BUNDLED.with(files);
  return active;
}

/** "2023–2026", or "none" — the covered years as ranges. */
export function yearsText(years: readonly number[]): string {
  if (years.length === 0) return 'none';
  const parts: string[] = [];
  let start = years[0] as number;
  let prev = start;
  for (const y of [...years.slice(1), Infinity]) {
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    parts.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  return parts.join(', ');
}

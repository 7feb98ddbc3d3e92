import Holidays from 'date-holidays';
// chinese-days' query functions read dates through the host's local time zone and shift a day west of
// UTC, so the engine reads the library's own maintained data table instead (same source, no host dependence).
import chineseDays from 'chinese-days/dist/chinese-days.json';
import type { HolidayCalendar } from './types';
import { dayKey } from './time';

export interface HolidayInfo {
  name: string;
}

const cnHolidays: Record<string, string> = chineseDays.holidays;
const cnAdjustedWorkdays: Record<string, string> = chineseDays.workdays;

const yearCache = new Map<string, Map<string, string>>();
const engines = new Map<HolidayCalendar, Holidays>();

function engine(cal: 'us' | 'gb'): Holidays {
  let hd = engines.get(cal);
  if (!hd) {
    hd = cal === 'us' ? new Holidays('US') : new Holidays('GB', 'ENG');
    engines.set(cal, hd);
  }
  return hd;
}

function yearTable(cal: 'us' | 'gb', year: number): Map<string, string> {
  const key = `${cal}|${year}`;
  let table = yearCache.get(key);
  if (!table) {
    table = new Map();
    for (const h of engine(cal).getHolidays(year)) {
      // Only days off by law: public (US federal, UK bank) holidays, not observances.
      if (h.type === 'public' || h.type === 'bank') table.set(h.date.slice(0, 10), h.name);
    }
    yearCache.set(key, table);
  }
  return table;
}

/** The statutory holiday falling on a local day (day number), or null. Adjusted working days are not holidays. */
export function holidayOn(cal: HolidayCalendar, day: number): HolidayInfo | null {
  const key = dayKey(day);
  switch (cal) {
    case 'cn': {
      if (cnAdjustedWorkdays[key] !== undefined) return null;
      const raw = cnHolidays[key];
      if (raw === undefined) return null;
      // "Spring Festival,春节,4" → "春节 / Spring Festival"
      const [en, zh] = raw.split(',');
      return { name: zh && en ? `${zh} / ${en}` : raw };
    }
    case 'us':
    case 'gb': {
      const name = yearTable(cal, Number(key.slice(0, 4))).get(key);
      return name === undefined ? null : { name };
    }
  }
}

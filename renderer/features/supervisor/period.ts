/**
 * Reporting periods as the backend counts them: whole calendar days of the agency's time zone,
 * both ends inclusive. "This week" and "this month" run to date (Monday / the 1st through today),
 * where "today" is the agency's day the backend reports (DashboardView.today). Day arithmetic here
 * is on calendar dates only, so it is done in UTC where no day is 23 or 25 hours long.
 */

/** Mirrors MAX_PERIOD_DAYS in common/api/methods/supervisor.ts (kept here so the bundle skips the schemas; a unit test holds them equal). */
export const MAX_PERIOD_DAYS = 5 * 366;

export type PeriodMode = 'week' | 'month' | 'custom';

export interface Period {
  from: string;
  to: string;
}

export type PeriodProblem = 'invalid' | 'order' | 'tooLong';

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** This window's calendar day: a first guess at the agency's "today" until the backend says it. */
export function browserDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function parseDay(ymd: string): number | null {
  const m = YMD.exec(ymd);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Reject 2024-02-31 and friends: the round trip must give the same day back.
  return new Date(t).toISOString().slice(0, 10) === ymd ? t : null;
}

export function isDay(ymd: string): boolean {
  return parseDay(ymd) !== null;
}

/** Monday of the ISO week through `today`. */
export function weekToDate(today: string): Period {
  const t = parseDay(today);
  if (t === null) throw new RangeError(`not a calendar date: ${today}`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return { from: new Date(t - weekday * DAY_MS).toISOString().slice(0, 10), to: today };
}

/** The 1st of the month through `today`. */
export function monthToDate(today: string): Period {
  if (parseDay(today) === null) throw new RangeError(`not a calendar date: ${today}`);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** Days in a period, both ends counted; null when either end is not a date. */
export function periodDays(p: Period): number | null {
  const a = parseDay(p.from);
  const b = parseDay(p.to);
  if (a === null || b === null) return null;
  return Math.round((b - a) / DAY_MS) + 1;
}

/** Why the backend would refuse a period, or null when it would accept it. */
export function periodProblem(p: Period): PeriodProblem | null {
  const days = periodDays(p);
  if (days === null) return 'invalid';
  if (days < 1) return 'order';
  if (days > MAX_PERIOD_DAYS) return 'tooLong';
  return null;
}

/** The period a mode stands for; `custom` keeps what was typed. */
export function periodFor(mode: PeriodMode, today: string, custom: Period): Period {
  switch (mode) {
    case 'week':
      return weekToDate(today);
    case 'month':
      return monthToDate(today);
    case 'custom':
      return custom;
  }
}
